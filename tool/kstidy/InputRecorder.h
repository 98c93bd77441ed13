//===- InputRecorder.h - Every file a translation unit read ---------------===//
//
// The result cache (ResultCache.h) replays a TU only while every file it
// read is unchanged: each header it entered, each header an include guard
// or #pragma once kept it from entering again, and each one __has_include
// found. This records their absolute paths as the preprocessor meets them.
// The main file is not recorded: the cache keys on it, and a shared
// preamble's main file is another TU's source.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_INPUTRECORDER_H
#define KSTIDY_TOOL_INPUTRECORDER_H

#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/PPCallbacks.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <string>
#include <vector>

namespace ks {

class InputRecorder : public clang::PPCallbacks {
public:
  /// With \p UserFiles, also the headers outside system directories it
  /// entered, by the names they were found under (a shared preamble's, for
  /// the TUs that load it: Analyzer.cpp's UserCodeScope).
  InputRecorder(clang::SourceManager &SM, std::vector<std::string> &Out,
                std::vector<std::string> *UserFiles = nullptr)
      : SM(SM), Out(Out), UserFiles(UserFiles) {}

  void FileChanged(clang::SourceLocation Loc, FileChangeReason Reason,
                   clang::SrcMgr::CharacteristicKind Kind,
                   clang::FileID) override {
    if (Reason != EnterFile)
      return;
    clang::FileID Id = SM.getFileID(SM.getExpansionLoc(Loc));
    if (Id == SM.getMainFileID())
      return;
    if (clang::OptionalFileEntryRef F = SM.getFileEntryRefForID(Id)) {
      add(*F);
      if (UserFiles && Kind == clang::SrcMgr::C_User &&
          SeenUser.insert(F->getName()).second)
        UserFiles->push_back(F->getName().str());
    }
  }
  void FileSkipped(const clang::FileEntryRef &F, const clang::Token &,
                   clang::SrcMgr::CharacteristicKind) override {
    add(F);
  }
  void HasInclude(clang::SourceLocation, llvm::StringRef, bool,
                  clang::OptionalFileEntryRef F,
                  clang::SrcMgr::CharacteristicKind) override {
    if (F)
      add(*F);
  }

private:
  void add(clang::FileEntryRef F) {
    llvm::SmallString<256> Path(F.getFileEntry().tryGetRealPathName());
    if (Path.empty()) {
      Path = F.getName();
      SM.getFileManager().makeAbsolutePath(Path);
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    }
    // A name found by Windows' lookup rules (another case, backslashes):
    // the file on disk it stands for.
    if (!llvm::sys::fs::exists(Path)) {
      llvm::SmallString<256> Real;
      if (!SM.getFileManager().getVirtualFileSystem().getRealPath(Path, Real))
        Path = Real;
    }
    if (Seen.insert(Path).second)
      Out.push_back(std::string(Path));
  }

  clang::SourceManager &SM;
  std::vector<std::string> &Out;
  std::vector<std::string> *UserFiles;
  llvm::StringSet<> Seen, SeenUser;
};

} // namespace ks

#endif
