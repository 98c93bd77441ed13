/* Stand-in um/winapifamily.h for kstidy's tests (user-mode headers come
   after km and shared). */
#pragma once
#define WINAPI_FAMILY_DESKTOP_APP 100
