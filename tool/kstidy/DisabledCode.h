//===- DisabledCode.h - tables in code the configuration leaves out -------===//
//
// Driver samples keep whole tables behind a define that a build may or may
// not set (`#ifdef SYSVAD_A2DP_SIDEBAND`, `#if (NTDDI_VERSION >= ...)`).
// Code in a skipped `#if` block is never parsed, so no check looks at it;
// kstidy names such tables instead of letting "not looked at" pass for
// "clean": the user can pass the define (-D) to have them analysed.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_DISABLEDCODE_H
#define KSTIDY_TOOL_DISABLEDCODE_H

#include "Analyzer.h"

#include "clang/Lex/PPCallbacks.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace clang {
class Preprocessor;
}

namespace ks {

/// A table declaration found by reading skipped source text.
struct DisabledTable {
  std::string Name;
  std::string
      Kind; ///< "property item table", "PortCls property item table", ...
  unsigned Line = 0; ///< within the text, from \p FirstLine
};

/// The table declarations in \p Text, a skipped block starting at line
/// \p FirstLine: item arrays (`KSPROPERTY_ITEM X[]`, `PCEVENT_ITEM X[]`,
/// `DEFINE_KSPROPERTY_TABLE(X)`), set arrays and automation tables. Read
/// lexically (comments, strings and character literals skipped), since
/// skipped code is not parsed.
std::vector<DisabledTable> scanDisabledTables(llvm::StringRef Text,
                                              unsigned FirstLine);

/// Records, per TU, the tables in blocks the preprocessor skipped (in the
/// driver's own files, not in system headers) as blind spots whose reason
/// names the condition, unless the TU defines a table of the same name in
/// code it did compile (`#ifdef X ... #else ... #endif` variants).
class DisabledTableRecorder : public clang::PPCallbacks {
public:
  /// With \p Unfiltered, the blocks of a shared preamble (SharedPreamble.h):
  /// every table found goes to \p Out at the end of the preamble, since
  /// only the TUs that use it know which names their compiled code defines.
  DisabledTableRecorder(clang::Preprocessor &PP, std::vector<BlindSpot> &Out,
                        bool Unfiltered = false)
      : PP(PP), Out(Out), Unfiltered(Unfiltered) {}

  /// Tables found in the shared preamble this TU starts from, judged with
  /// the TU's own at its end.
  void adoptPreamble(const std::vector<BlindSpot> &Found) {
    Pending.insert(Pending.begin(), Found.begin(), Found.end());
  }

  void SourceRangeSkipped(clang::SourceRange Range,
                          clang::SourceLocation EndifLoc) override;
  void Else(clang::SourceLocation Loc, clang::SourceLocation IfLoc) override;
  void Elif(clang::SourceLocation Loc, clang::SourceRange ConditionRange,
            ConditionValueKind, clang::SourceLocation IfLoc) override;
  void EndOfMainFile() override;

private:
  std::string directiveLine(clang::SourceLocation Loc) const;

  clang::Preprocessor &PP;
  std::vector<BlindSpot> &Out;
  const bool Unfiltered;
  std::vector<BlindSpot> Pending;
  /// #else/#elif line (file offset) -> its #if, to name the condition.
  std::vector<std::pair<clang::SourceLocation, clang::SourceLocation>> Branches;
};

} // namespace ks

#endif
