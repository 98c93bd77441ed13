//===- CompileDatabase.h - The compile command of every source of a run ---===//
//
// A run takes its compile commands from -p (a compile_commands.json), from
// .vcxproj/.sln files standing in for one, or from the flags after "--";
// sources named on their own take the settings of the MSBuild project that
// lists them, when there is one (docs/msbuild.md).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_COMPILEDATABASE_H
#define KSTIDY_TOOL_COMPILEDATABASE_H

#include "Options.h"

#include "clang/Tooling/CompilationDatabase.h"

#include <memory>
#include <optional>
#include <string>

namespace ks {

/// Opens the compile database \p O names and, with -p or a project and no
/// source named, makes its files (those --source-filter keeps) the sources
/// of \p O. MSBuild notes go to stderr (unless --quiet). Returns the
/// one-line problem of a database or project that cannot be used.
std::optional<std::string>
openCompileDatabase(CliOptions &O,
                    std::unique_ptr<clang::tooling::CompilationDatabase> &DB);

} // namespace ks

#endif
