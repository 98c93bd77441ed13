//===- Inputs.h - Which sources a run analyzes, and how they are read -----===//
//
// Before anything is analyzed: the configuration given on the command line
// and in .clang-tidy files must parse, every source is looked at (missing,
// binary, UTF-16, NUL bytes), and --shard picks its slice.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_INPUTS_H
#define KSTIDY_TOOL_INPUTS_H

#include "Options.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ks {

/// The first line of \p S, trimmed.
std::string firstLine(llvm::StringRef S);

/// A source as the analysis names it: absolute, without `.` or `..`.
std::string absoluteSource(llvm::StringRef Source);

/// Whether a source can be analysed, and how it will be read. A file that
/// is not source is skipped (the rest of the run goes on); one that MSVC
/// compiles although clang would balk at it is read as MSVC reads it.
struct SourceCheck {
  std::optional<std::string> Skip; ///< why it is not analysed
  std::vector<std::string> Notes;  ///< how it is read
};

/// The sources' checks, by absolute path.
using SourceChecks = std::map<std::string, SourceCheck>;

/// Reads --config-file into the configuration override and checks that the
/// override parses. Returns the one-line problem.
std::optional<std::string> loadConfiguration(CliOptions &O);

/// Checks every source of \p O (making its path absolute) and the
/// .clang-tidy files above the readable ones, then keeps --shard's slice of
/// the sources. Returns the one-line problem of a malformed configuration.
std::optional<std::string> checkSources(CliOptions &O, SourceChecks &Out);

} // namespace ks

#endif
