/* An older kit version (see km/ntddk.h). */
#pragma once
