//===- SafeIO.cpp
//----------------------------------------------------------===//
#include "SafeIO.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"

#include <fmt/format.h>

#include <cerrno>
#include <climits>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

namespace ks {

namespace {

std::string tooDeep(unsigned Limit, size_t Line) {
  return fmt::format("nested deeper than {} levels (line {})", Limit, Line);
}

std::optional<std::string> jsonNesting(llvm::StringRef Text, unsigned Limit) {
  unsigned Depth = 0;
  size_t Line = 1;
  bool InString = false;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '\n')
      ++Line;
    if (InString) {
      if (C == '\\')
        ++I; // the escaped character cannot end the string
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"')
      InString = true;
    else if (C == '[' || C == '{') {
      if (++Depth > Limit)
        return tooDeep(Limit, Line);
    } else if ((C == ']' || C == '}') && Depth)
      --Depth;
  }
  return std::nullopt;
}

/// YAML nests in two ways. Block collections nest by indentation (each level
/// at least one column further in) and by indicators that open a collection
/// on the same line ("- - - x", "? ? x"); flow collections nest by brackets,
/// across lines. A line's depth is at most its indentation, plus its
/// indicators, plus the open brackets: an upper bound, so a file within it
/// is within the limit whatever the parser makes of it.
std::optional<std::string> yamlNesting(llvm::StringRef Text, unsigned Limit) {
  unsigned Flow = 0;
  size_t Line = 0;
  // Strings and flow collections go on across lines.
  char Quote = 0;
  char Prev = 0; // the last character outside strings and spaces
  while (!Text.empty()) {
    auto [Row, Rest] = Text.split('\n');
    Text = Rest;
    ++Line;
    size_t Indent = Row.find_first_not_of(' ');
    if (Indent == llvm::StringRef::npos)
      continue;
    llvm::StringRef Body = Row.drop_front(Indent);
    unsigned Indicators = 0;
    while (!Quote && Body.size() >= 2 && (Body[0] == '-' || Body[0] == '?') &&
           (Body[1] == ' ' || Body[1] == '\t')) {
      ++Indicators;
      Body = Body.drop_front(2).ltrim(" \t");
    }
    // A quote starts a string only where a scalar starts (after an
    // indicator or at the start): `[x "[[[` is a plain scalar and nesting.
    // Inside double quotes a backslash escapes the next character.
    if (!Flow && !Quote)
      Prev = 0; // a block line starts a node
    for (size_t I = 0; I < Body.size(); ++I) {
      char C = Body[I];
      if (Quote) {
        if (Quote == '"' && C == '\\')
          ++I;
        else if (C == Quote)
          Quote = 0, Prev = C;
        continue;
      }
      if (C == '#' && (I == 0 || Body[I - 1] == ' ' || Body[I - 1] == '\t'))
        break; // a comment
      if ((C == '"' || C == '\'') &&
          (Prev == 0 || llvm::StringRef("[{,:").contains(Prev)))
        Quote = C;
      else if (C == '[' || C == '{')
        ++Flow;
      else if ((C == ']' || C == '}') && Flow)
        --Flow;
      if (C != ' ' && C != '\t' && !Quote)
        Prev = C;
      if (Indicators + Flow > Limit)
        return tooDeep(Limit, Line);
    }
    if (Indent + Indicators + Flow > Limit)
      return tooDeep(Limit, Line);
  }
  return std::nullopt;
}

std::string lowerFirst(std::string S) {
  if (!S.empty() && S[0] >= 'A' && S[0] <= 'Z' &&
      !(S.size() > 1 && S[1] >= 'A' && S[1] <= 'Z'))
    S[0] = static_cast<char>(S[0] - 'A' + 'a');
  return S;
}

std::string cannotWrite(llvm::StringRef Path, std::error_code EC) {
  return fmt::format("cannot write {}: {}", Path.str(), EC.message());
}

/// Where the bytes for \p Path go: the path itself, or the final target of
/// the symbolic links it names (relative links resolve from their own
/// directory). A dangling link resolves to the file it would create.
std::string resolveLinks(llvm::StringRef Path) {
  std::string Current = Path.str();
  for (int Hops = 0; Hops < 40; ++Hops) {
    llvm::sys::fs::file_status St;
    if (llvm::sys::fs::status(Current, St, /*Follow=*/false) ||
        St.type() != llvm::sys::fs::file_type::symlink_file)
      return Current;
    char Target[PATH_MAX];
    ssize_t N = ::readlink(Current.c_str(), Target, sizeof(Target) - 1);
    if (N <= 0)
      return Current;
    llvm::StringRef T(Target, static_cast<size_t>(N));
    if (llvm::sys::path::is_absolute(T)) {
      Current = T.str();
    } else {
      llvm::SmallString<256> Joined(llvm::sys::path::parent_path(Current));
      llvm::sys::path::append(Joined, T);
      Current = std::string(Joined);
    }
  }
  return Current; // a loop: opening it reports the loop
}

std::optional<std::string>
writeDirectly(llvm::StringRef Path,
              llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  int FD = -1;
  // Appending: a file the shell opened with >> keeps what it held (with >
  // it is empty already); devices and pipes do not care.
  if (std::error_code EC = llvm::sys::fs::openFileForWrite(
          Path, FD, llvm::sys::fs::CD_OpenExisting, llvm::sys::fs::OF_Append))
    return cannotWrite(Path, EC);
  llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true, /*unbuffered=*/false);
  Write(OS);
  OS.flush();
  if (OS.has_error()) {
    std::error_code EC = OS.error();
    OS.clear_error();
    return cannotWrite(Path, EC);
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string> nestingProblem(llvm::StringRef Text,
                                          TextSyntax Syntax, unsigned Limit) {
  return Syntax == TextSyntax::Json ? jsonNesting(Text, Limit)
                                    : yamlNesting(Text, Limit);
}

llvm::Expected<llvm::json::Value> parseJsonText(llvm::StringRef Text,
                                                llvm::StringRef Name) {
  if (auto Problem = nestingProblem(Text, TextSyntax::Json))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s is not usable JSON: %s",
                                   Name.str().c_str(), Problem->c_str());
  auto Doc = llvm::json::parse(Text);
  if (!Doc)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s is not JSON: %s", Name.str().c_str(),
                                   llvm::toString(Doc.takeError()).c_str());
  return std::move(*Doc);
}

std::string unreadableReason(llvm::StringRef Path) {
  llvm::sys::fs::file_status St;
  if (std::error_code EC = llvm::sys::fs::status(Path, St))
    return lowerFirst(EC.message());
  if (St.type() == llvm::sys::fs::file_type::directory_file)
    return "is a directory";
  return "";
}

llvm::Expected<llvm::json::Value> readJsonFile(llvm::StringRef Path) {
  std::string Reason = unreadableReason(Path);
  if (!Reason.empty())
    return llvm::createStringError(std::errc::io_error, "cannot read %s: %s",
                                   Path.str().c_str(), Reason.c_str());
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return llvm::createStringError(Buf.getError(), "cannot read %s: %s",
                                   Path.str().c_str(),
                                   Buf.getError().message().c_str());
  return parseJsonText((*Buf)->getBuffer(), Path);
}

std::optional<std::string>
writeAtomically(llvm::StringRef Path,
                llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  llvm::sys::fs::file_status St;
  const bool Exists = !llvm::sys::fs::status(Path, St); // follows links
  // /dev/stdout, /dev/fd/N, /proc/self/fd/N name an open descriptor: what
  // the shell redirected it to (a file appended to, a pipe) gets the bytes.
  if (Exists && (Path.starts_with("/dev/") || Path.starts_with("/proc/")))
    return writeDirectly(Path, Write);
  if (Exists) {
    switch (St.type()) {
    case llvm::sys::fs::file_type::regular_file:
      break;
    case llvm::sys::fs::file_type::directory_file:
      return fmt::format("cannot write {}: it is a directory", Path.str());
    default:
      // /dev/stdout, /dev/null, a FIFO a consumer reads: no rename over
      // them, the bytes go in (through the links, as the kernel follows
      // them: /dev/stdout's target is no path of its own).
      return writeDirectly(Path, Write);
    }
  }
  // A regular file, or one to create: a link to it stays a link.
  const std::string Target = resolveLinks(Path);

  llvm::SmallString<256> Temp;
  int FD = -1;
  // An interrupt between here and the rename takes the temporary with it:
  // the file is registered for removal before a signal can arrive (one in
  // between waits, blocked, and is handled right after).
  sigset_t Interrupts, Before;
  sigemptyset(&Interrupts);
  for (int Sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT})
    sigaddset(&Interrupts, Sig);
  pthread_sigmask(SIG_BLOCK, &Interrupts, &Before);
  std::error_code Created =
      llvm::sys::fs::createUniqueFile(Target + ".tmp-%%%%%%", FD, Temp);
  if (!Created)
    llvm::sys::RemoveFileOnSignal(Temp);
  pthread_sigmask(SIG_SETMASK, &Before, nullptr);
  if (Created)
    return cannotWrite(Path, Created);
  auto Discard = [&] {
    // Best effort: a temporary that cannot be removed is left behind.
    (void)llvm::sys::fs::remove(Temp);
    llvm::sys::DontRemoveFileOnSignal(Temp);
  };
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    Write(OS);
    OS.flush();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      Discard();
      return cannotWrite(Path, EC);
    }
    // A replaced file keeps its permissions.
    if (Exists)
      (void)llvm::sys::fs::setPermissions(FD, St.permissions());
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Target)) {
    Discard();
    return cannotWrite(Path, EC);
  }
  llvm::sys::DontRemoveFileOnSignal(Temp);
  return std::nullopt;
}

bool isUtf16(llvm::StringRef Bytes) {
  return Bytes.starts_with("\xFF\xFE") || Bytes.starts_with("\xFE\xFF");
}

std::unique_ptr<llvm::MemoryBuffer> readSourceText(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/true);
  if (!Buf)
    return nullptr;
  llvm::StringRef Bytes = (*Buf)->getBuffer();
  if (!isUtf16(Bytes))
    return std::move(*Buf);
  std::string Utf8;
  if (!llvm::convertUTF16ToUTF8String(
          llvm::ArrayRef<char>(Bytes.data(), Bytes.size()), Utf8))
    return nullptr;
  return llvm::MemoryBuffer::getMemBufferCopy(Utf8, Path);
}

std::optional<std::string> flushStdout() {
  llvm::raw_fd_ostream &Out = llvm::outs();
  Out.flush();
  if (!Out.has_error())
    return std::nullopt;
  std::error_code EC = Out.error();
  Out.clear_error(); // else its destructor ends the process with a crash
  return "cannot write standard output: " + EC.message();
}

} // namespace ks
