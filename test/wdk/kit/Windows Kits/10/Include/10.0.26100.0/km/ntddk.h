/* Stand-in ntddk.h for kstidy's tests. */
#pragma once
#include <wdm.h>
