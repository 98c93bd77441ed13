//===- StdioProxy.cpp - kstidy-clangd between the editor and clangd -------===//
#include "StdioProxy.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <cerrno>
#include <thread>
#include <unistd.h>

namespace ks {
namespace clangd {

namespace {

bool writeAll(int Fd, llvm::StringRef Data) {
  while (!Data.empty()) {
    ssize_t N = ::write(Fd, Data.data(), Data.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Data = Data.drop_front(static_cast<size_t>(N));
  }
  return true;
}

/// Buffered reads from a descriptor, for the output pump.
class FdReader {
public:
  explicit FdReader(int Fd) : Fd(Fd) {}
  /// Appends one byte to \p Out; false at end of input.
  bool byte(std::string &Out) {
    if (Pos == Len) {
      ssize_t N;
      do
        N = ::read(Fd, Buffer, sizeof(Buffer));
      while (N < 0 && errno == EINTR);
      if (N <= 0)
        return false;
      Pos = 0;
      Len = static_cast<size_t>(N);
    }
    Out.push_back(Buffer[Pos++]);
    return true;
  }

private:
  int Fd;
  char Buffer[1 << 16];
  size_t Pos = 0, Len = 0;
};

/// Reads one framed message: headers into \p Headers, body into \p Body.
/// False at end of input (or a broken frame).
bool readFrame(FdReader &R, std::string &Headers, std::string &Body) {
  Headers.clear();
  Body.clear();
  while (!llvm::StringRef(Headers).ends_with("\r\n\r\n"))
    if (!R.byte(Headers))
      return false;
  size_t Length = 0;
  bool Found = false;
  for (llvm::StringRef Line : llvm::split(llvm::StringRef(Headers), "\r\n")) {
    auto [Name, Value] = Line.split(':');
    if (Name.trim().equals_insensitive("content-length"))
      Found = !Value.trim().getAsInteger(10, Length);
  }
  if (!Found)
    return false;
  Body.reserve(Length);
  while (Body.size() < Length)
    if (!R.byte(Body))
      return false;
  return true;
}

/// Points the documentation link of every ks-* diagnostic in \p V at
/// kstidy's page. True when something changed.
bool rewriteLinks(llvm::json::Value &V) {
  bool Changed = false;
  if (auto *A = V.getAsArray()) {
    for (llvm::json::Value &E : *A)
      Changed |= rewriteLinks(E);
    return Changed;
  }
  auto *O = V.getAsObject();
  if (!O)
    return false;
  if (auto Code = O->getString("code"); Code && Code->starts_with("ks-")) {
    std::string Url = checkDocsUrl(*Code);
    auto *Desc = O->getObject("codeDescription");
    auto Href = Desc ? Desc->getString("href") : std::nullopt;
    if (!Href || *Href != Url) {
      (*O)["codeDescription"] = llvm::json::Object{{"href", Url}};
      Changed = true;
    }
  }
  for (auto &KV : *O)
    Changed |= rewriteLinks(KV.second);
  return Changed;
}

/// A publishDiagnostics whose file stopped at a missing header (clang's
/// fatal "file not found") says so once more, as kstidy: the KS tables after
/// the #include were not analysed, which an empty list of ks findings would
/// otherwise hide. True when it added the diagnostic.
bool explainUnanalysed(llvm::json::Object &Msg) {
  if (Msg.getString("method") !=
      llvm::StringRef("textDocument/publishDiagnostics"))
    return false;
  llvm::json::Object *Params = Msg.getObject("params");
  llvm::json::Array *Diags = Params ? Params->getArray("diagnostics") : nullptr;
  if (!Diags)
    return false;
  const llvm::json::Object *Missing = nullptr;
  for (const llvm::json::Value &D : *Diags)
    if (const llvm::json::Object *O = D.getAsObject()) {
      if (O->getString("source") == llvm::StringRef("kstidy"))
        return false; // already explained
      if (O->getString("code") == llvm::StringRef("pp_file_not_found") &&
          !Missing)
        Missing = O;
    }
  if (!Missing)
    return false;
  llvm::StringRef Clang = Missing->getString("message").value_or("");
  llvm::json::Object Note{
      {"range", Missing->get("range") ? *Missing->get("range")
                                      : llvm::json::Value(nullptr)},
      {"severity", 2},
      {"source", "kstidy"},
      {"code", "kstidy-not-analysed"},
      {"message",
       ("kstidy: the KS tables of this file are not analysed: clang stops "
        "at this missing header (" +
        Clang +
        "). kstidy-clangd gives every file the WDK profile (the "
        "mingw-w64 headers and kstidy's own); a header that is neither "
        "needs its include directory in the compile command: add -I<dir> "
        "to compile_flags.txt at the workspace root, or analyse with a "
        "compile_commands.json (docs/editor.md, \"Why do I see nothing\").")
           .str()},
  };
  Diags->push_back(std::move(Note));
  return true;
}

} // namespace

LspMessage readMessage(int Fd) {
  LspMessage M;
  // Byte by byte: nothing past this message may be consumed, it is
  // clangd's to read.
  auto Byte = [&]() {
    char C;
    ssize_t N;
    do
      N = ::read(Fd, &C, 1);
    while (N < 0 && errno == EINTR);
    if (N != 1)
      return false;
    M.Raw.push_back(C);
    return true;
  };
  while (!llvm::StringRef(M.Raw).ends_with("\r\n\r\n"))
    if (!Byte())
      return M;
  size_t Length = 0;
  for (llvm::StringRef Line : llvm::split(llvm::StringRef(M.Raw), "\r\n")) {
    auto [Name, Value] = Line.split(':');
    if (Name.trim().equals_insensitive("content-length") &&
        Value.trim().getAsInteger(10, Length))
      return M;
  }
  size_t BodyStart = M.Raw.size();
  while (M.Raw.size() - BodyStart < Length)
    if (!Byte())
      return M;
  auto Parsed = llvm::json::parse(llvm::StringRef(M.Raw).drop_front(BodyStart));
  if (Parsed)
    M.Body = std::move(*Parsed);
  else
    llvm::consumeError(Parsed.takeError());
  return M;
}

std::string checkDocsUrl(llvm::StringRef Check) {
  return ("https://github.com/kstidy/kstidy/blob/main/docs/checks/" + Check +
          ".md")
      .str();
}

std::string rewriteServerMessage(llvm::StringRef Body) {
  auto Parsed = llvm::json::parse(Body);
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return Body.str();
  }
  bool Changed = rewriteLinks(*Parsed);
  if (llvm::json::Object *Msg = Parsed->getAsObject())
    Changed |= explainUnanalysed(*Msg);
  if (!Changed)
    return Body.str();
  return llvm::formatv("{0}", *Parsed).str();
}

std::thread installPumps(std::string AlreadyRead) {
  // Input: the editor's descriptor moves aside, clangd reads a pipe that
  // gets what was read already, then everything else.
  int In[2], Out[2];
  if (::pipe(In) != 0 || ::pipe(Out) != 0)
    return {};
  int EditorIn = ::dup(0), EditorOut = ::dup(1);
  ::dup2(In[0], 0);
  ::close(In[0]);
  ::dup2(Out[1], 1);
  ::close(Out[1]);
  std::thread([EditorIn, Write = In[1], Start = std::move(AlreadyRead)] {
    if (writeAll(Write, Start)) {
      char Buffer[1 << 16];
      for (;;) {
        ssize_t N = ::read(EditorIn, Buffer, sizeof(Buffer));
        if (N < 0 && errno == EINTR)
          continue;
        if (N <= 0 || !writeAll(Write, llvm::StringRef(Buffer, N)))
          break;
      }
    }
    ::close(Write);
  }).detach();
  return std::thread([Read = Out[0], EditorOut] {
    FdReader R(Read);
    std::string Headers, Body;
    while (readFrame(R, Headers, Body)) {
      std::string Rewritten = rewriteServerMessage(Body);
      std::string Frame = llvm::formatv("Content-Length: {0}\r\n\r\n{1}",
                                        Rewritten.size(), Rewritten)
                              .str();
      if (!writeAll(EditorOut, Frame))
        break;
    }
    ::close(EditorOut);
  });
}

} // namespace clangd
} // namespace ks
