//===- CommandLine.h - Compile commands from other build systems ----------===//
//
// Driver repos build with MSBuild and the WDK: their compile databases hold
// cl.exe / clang-cl commands (/I, /D, /std:c++17, /Yu...). Off Windows,
// kstidy parses with clang's GNU-style driver and its WDK profile, so a
// cl-style command is rewritten into the equivalent GNU-style one, and the
// flags clang cannot use here (precompiled headers built on Windows) are
// dropped.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_COMMANDLINE_H
#define KSTIDY_TOOL_COMMANDLINE_H

#include <string>
#include <vector>

namespace ks {

struct CommandCleanup {
  bool ConvertedCl = false; ///< a cl.exe/clang-cl command, rewritten
  bool DroppedPch = false;  ///< /Yu, /Yc, /Fp, -include-pch, *.gch dropped
};

/// Is the command cl.exe / clang-cl style?
bool isClStyle(const std::vector<std::string> &CommandLine);

/// Rewrites \p CommandLine in place (argv[0] first, the source last).
CommandCleanup normalizeCommand(std::vector<std::string> &CommandLine);

/// Removes the flags with which a compile command would make the parse
/// write files (dependency files, -MJ database fragments, statistics,
/// module caches, time traces, serialized diagnostics), directly or through
/// -Xclang / -Xpreprocessor / -Wp: a compile database from an untrusted pull
/// request must not be able to create or overwrite what the CI user can
/// write. Returns what it removed, one entry per flag with its value.
std::vector<std::string>
dropFileWritingFlags(std::vector<std::string> &CommandLine);

} // namespace ks

#endif
