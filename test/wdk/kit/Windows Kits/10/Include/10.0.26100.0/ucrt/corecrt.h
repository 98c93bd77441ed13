/* Stand-in ucrt/corecrt.h for kstidy's tests. */
#pragma once
