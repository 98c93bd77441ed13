// wave.cpp - the wave miniport's automation table.
#include "audiotable.h"

const PCAUTOMATION_TABLE *SplitWaveAutomation() {
  return &SplitAudioAutomation;
}

const PCAUTOMATION_TABLE *SplitExtAutomationTable() {
  return &SplitExtAutomation;
}
