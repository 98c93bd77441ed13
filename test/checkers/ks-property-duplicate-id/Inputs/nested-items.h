// Includes the mixer's items: a finding two levels down is pointed at from
// the main file's #include of this header.
#include "mixer-items.h"
