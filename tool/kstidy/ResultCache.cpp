//===- ResultCache.cpp ----------------------------------------------------===//
#include "ResultCache.h"

#include "SafeIO.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <fmt/format.h>

namespace ks {

namespace json = llvm::json;

namespace {

/// Bumped whenever the layout of an entry changes: older entries are then
/// unreadable, so ignored and rewritten.
constexpr int64_t Format = 1;

// --- Writing ------------------------------------------------------------

json::Value write(const Location &L) {
  return json::Array{L.File, L.Offset, L.Line, L.Column};
}
json::Value write(const model::FilePosition &P) {
  return json::Array{P.File, P.Offset, P.Line, P.Column};
}
json::Value write(const std::optional<model::FilePosition> &P) {
  return P ? write(*P) : json::Value(nullptr);
}
json::Value write(const Finding &F) {
  json::Array Notes, Fixes;
  for (const Note &N : F.Notes)
    Notes.push_back(json::Object{{"at", write(N.Where)}, {"text", N.Message}});
  for (const FixIt &X : F.Fixes)
    Fixes.push_back(json::Object{{"at", write(X.Where)},
                                 {"length", X.Length},
                                 {"original", X.Original},
                                 {"replacement", X.Replacement}});
  return json::Object{{"check", F.Check},          {"error", F.IsError},
                      {"at", write(F.Where)},      {"text", F.Message},
                      {"notes", std::move(Notes)}, {"fixes", std::move(Fixes)}};
}
json::Value write(const std::vector<Finding> &Fs) {
  json::Array A;
  for (const Finding &F : Fs)
    A.push_back(write(F));
  return A;
}
json::Value write(const std::vector<BlindSpot> &Bs) {
  json::Array A;
  for (const BlindSpot &B : Bs)
    A.push_back(json::Object{{"name", B.Name},
                             {"kind", B.Kind},
                             {"at", write(B.Where)},
                             {"reason", B.Reason},
                             {"disabled", B.Disabled}});
  return A;
}
json::Value write(const std::vector<std::string> &Ss) {
  return json::Array(Ss);
}
json::Value write(const std::optional<int64_t> &I) {
  return I ? json::Value(*I) : json::Value(nullptr);
}
json::Value write(const std::optional<uint64_t> &U) {
  return U ? json::Value(*U) : json::Value(nullptr);
}

json::Value write(const TuFacts &F) {
  json::Array Handlers, Uses, Allocators, Arrays;
  for (const model::HandlerSummary &H : F.Handlers) {
    json::Array Accesses;
    for (const model::HandlerSummary::Access &A : H.Accesses)
      Accesses.push_back(json::Object{
          {"of",
           A.Fact.Of == model::HandlerBuffer::Property ? "property" : "data"},
          {"size", A.Fact.Size},
          {"guarded", A.Fact.Guarded},
          {"other", A.Fact.Ids.Other},
          {"ids", json::Array(A.Fact.Ids.Ids)},
          {"type", A.Type},
          {"at", write(A.Where)}});
    Handlers.push_back(
        json::Object{{"usr", H.Usr},
                     {"name", H.Name},
                     {"portcls", H.Fw == model::Framework::PortCls},
                     {"named", json::Array(H.NamedIds)},
                     {"accesses", std::move(Accesses)}});
  }
  for (const model::HandlerUse &U : F.Uses)
    Uses.push_back(json::Object{{"usr", U.Usr},
                                {"kind", static_cast<int64_t>(U.Kind)},
                                {"id", write(U.Item.Id)},
                                {"size", write(U.Item.Size)}});
  for (const model::ParameterAllocatorSummary &P : F.Allocators)
    Allocators.push_back(json::Object{
        {"usr", P.Usr},
        {"name", P.Name},
        {"successWithoutBuffer", write(P.SuccessWithoutBuffer)},
        {"successAfterFailedAllocation", write(P.SuccessAfterFailedAllocation)},
        {"allocation", write(P.Allocation)},
        {"setsDeallocateBuffer", write(P.SetsDeallocateBuffer)},
        {"pool", P.AllocatesFromPool}});
  for (const model::ArraySummary &A : F.Arrays)
    Arrays.push_back(json::Object{{"usr", A.Usr},
                                  {"name", A.Name},
                                  {"length", A.Length},
                                  {"at", write(A.Where)}});
  return json::Object{{"handlers", std::move(Handlers)},
                      {"uses", std::move(Uses)},
                      {"allocators", std::move(Allocators)},
                      {"arrays", std::move(Arrays)}};
}

// --- Reading ------------------------------------------------------------

/// Reads the parts of an entry; the first malformed one is kept as the
/// error and every later read is a no-op.
class Reader {
public:
  std::optional<std::string> Problem;

  const json::Object *object(const json::Value *V, llvm::StringRef What) {
    if (const json::Object *O = V ? V->getAsObject() : nullptr)
      return O;
    fail(What, "an object");
    return nullptr;
  }
  const json::Array *array(const json::Object &O, llvm::StringRef Key) {
    if (const json::Array *A = O.getArray(Key))
      return A;
    fail(Key, "an array");
    return nullptr;
  }
  void get(const json::Object &O, llvm::StringRef Key, std::string &Out) {
    if (auto S = O.getString(Key))
      Out = S->str();
    else
      fail(Key, "a string");
  }
  void get(const json::Object &O, llvm::StringRef Key, bool &Out) {
    if (auto B = O.getBoolean(Key))
      Out = *B;
    else
      fail(Key, "a boolean");
  }
  template <typename Int>
  void get(const json::Object &O, llvm::StringRef Key, Int &Out) {
    const json::Value *V = O.get(Key);
    if (!V || !integer(*V, Out))
      fail(Key, "a number");
  }
  template <typename Int>
  void get(const json::Object &O, llvm::StringRef Key,
           std::optional<Int> &Out) {
    const json::Value *V = O.get(Key);
    if (V && V->kind() == json::Value::Null) {
      Out.reset();
      return;
    }
    Int I{};
    get(O, Key, I);
    Out = I;
  }
  template <typename Int>
  void get(const json::Object &O, llvm::StringRef Key, std::vector<Int> &Out) {
    if (const json::Array *A = array(O, Key))
      for (const json::Value &V : *A) {
        Int I{};
        if (!integer(V, I))
          return fail(Key, "an array of numbers");
        Out.push_back(I);
      }
  }
  void get(const json::Object &O, llvm::StringRef Key,
           std::vector<std::string> &Out) {
    if (const json::Array *A = array(O, Key))
      for (const json::Value &V : *A) {
        auto S = V.getAsString();
        if (!S)
          return fail(Key, "an array of strings");
        Out.push_back(S->str());
      }
  }
  template <typename Position>
  void position(const json::Value *V, llvm::StringRef What, Position &Out) {
    const json::Array *A = V ? V->getAsArray() : nullptr;
    std::optional<llvm::StringRef> File;
    if (A && A->size() == 4)
      File = (*A)[0].getAsString();
    if (!File || !integer((*A)[1], Out.Offset) || !integer((*A)[2], Out.Line) ||
        !integer((*A)[3], Out.Column))
      return fail(What, "[file, offset, line, column]");
    Out.File = File->str();
  }
  void get(const json::Object &O, llvm::StringRef Key, Location &Out) {
    position(O.get(Key), Key, Out);
  }
  void get(const json::Object &O, llvm::StringRef Key,
           model::FilePosition &Out) {
    position(O.get(Key), Key, Out);
  }
  void get(const json::Object &O, llvm::StringRef Key,
           std::optional<model::FilePosition> &Out) {
    const json::Value *V = O.get(Key);
    if (V && V->kind() == json::Value::Null)
      return;
    Out.emplace();
    position(V, Key, *Out);
  }
  void get(const json::Object &O, llvm::StringRef Key,
           std::vector<Finding> &Out) {
    const json::Array *A = array(O, Key);
    for (size_t I = 0; A && I < A->size() && !Problem; ++I) {
      const json::Object *F = object(&(*A)[I], Key);
      if (!F)
        return;
      Finding &X = Out.emplace_back();
      get(*F, "check", X.Check);
      get(*F, "error", X.IsError);
      get(*F, "at", X.Where);
      get(*F, "text", X.Message);
      each(*F, "notes", [&](const json::Object &N) {
        Note &Y = X.Notes.emplace_back();
        get(N, "at", Y.Where);
        get(N, "text", Y.Message);
      });
      each(*F, "fixes", [&](const json::Object &N) {
        FixIt &Y = X.Fixes.emplace_back();
        get(N, "at", Y.Where);
        get(N, "length", Y.Length);
        get(N, "original", Y.Original);
        get(N, "replacement", Y.Replacement);
      });
    }
  }
  void get(const json::Object &O, llvm::StringRef Key,
           std::vector<BlindSpot> &Out) {
    each(O, Key, [&](const json::Object &B) {
      BlindSpot &X = Out.emplace_back();
      get(B, "name", X.Name);
      get(B, "kind", X.Kind);
      get(B, "at", X.Where);
      get(B, "reason", X.Reason);
      get(B, "disabled", X.Disabled);
    });
  }
  /// Calls \p F with each object of the array \p Key.
  template <typename Fn>
  void each(const json::Object &O, llvm::StringRef Key, Fn F) {
    const json::Array *A = array(O, Key);
    for (size_t I = 0; A && I < A->size() && !Problem; ++I)
      if (const json::Object *E = object(&(*A)[I], Key))
        F(*E);
  }

  void fail(llvm::StringRef What, llvm::StringRef Expected) {
    if (!Problem)
      Problem = fmt::format("\"{}\" is not {}", What.str(), Expected.str());
  }

private:
  template <typename Int> static bool integer(const json::Value &V, Int &Out) {
    if constexpr (std::is_unsigned_v<Int>) {
      auto U = V.getAsUINT64();
      if (!U || *U > std::numeric_limits<Int>::max())
        return false;
      Out = static_cast<Int>(*U);
    } else {
      auto I = V.getAsInteger();
      if (!I || *I < std::numeric_limits<Int>::min() ||
          *I > std::numeric_limits<Int>::max())
        return false;
      Out = static_cast<Int>(*I);
    }
    return true;
  }
};

void readFacts(Reader &R, const json::Object &O, TuFacts &F) {
  R.each(O, "handlers", [&](const json::Object &H) {
    model::HandlerSummary &X = F.Handlers.emplace_back();
    bool PortCls = false;
    R.get(H, "usr", X.Usr);
    R.get(H, "name", X.Name);
    R.get(H, "portcls", PortCls);
    X.Fw = PortCls ? model::Framework::PortCls : model::Framework::Ks;
    R.get(H, "named", X.NamedIds);
    R.each(H, "accesses", [&](const json::Object &A) {
      model::HandlerSummary::Access &Y = X.Accesses.emplace_back();
      std::string Of;
      R.get(A, "of", Of);
      if (Of != "property" && Of != "data")
        R.fail("of", "\"property\" or \"data\"");
      Y.Fact.Of = Of == "property" ? model::HandlerBuffer::Property
                                   : model::HandlerBuffer::Data;
      R.get(A, "size", Y.Fact.Size);
      R.get(A, "guarded", Y.Fact.Guarded);
      R.get(A, "other", Y.Fact.Ids.Other);
      R.get(A, "ids", Y.Fact.Ids.Ids);
      R.get(A, "type", Y.Type);
      R.get(A, "at", Y.Where);
    });
  });
  R.each(O, "uses", [&](const json::Object &U) {
    model::HandlerUse &X = F.Uses.emplace_back();
    int Kind = 0;
    R.get(U, "usr", X.Usr);
    R.get(U, "kind", Kind);
    if (Kind < 0 || Kind > static_cast<int>(model::GuaranteeKind::ExtMinData))
      R.fail("kind", "a guarantee");
    X.Kind = static_cast<model::GuaranteeKind>(Kind);
    R.get(U, "id", X.Item.Id);
    R.get(U, "size", X.Item.Size);
  });
  R.each(O, "allocators", [&](const json::Object &P) {
    model::ParameterAllocatorSummary &X = F.Allocators.emplace_back();
    R.get(P, "usr", X.Usr);
    R.get(P, "name", X.Name);
    R.get(P, "successWithoutBuffer", X.SuccessWithoutBuffer);
    R.get(P, "successAfterFailedAllocation", X.SuccessAfterFailedAllocation);
    R.get(P, "allocation", X.Allocation);
    R.get(P, "setsDeallocateBuffer", X.SetsDeallocateBuffer);
    R.get(P, "pool", X.AllocatesFromPool);
  });
  R.each(O, "arrays", [&](const json::Object &A) {
    model::ArraySummary &X = F.Arrays.emplace_back();
    R.get(A, "usr", X.Usr);
    R.get(A, "name", X.Name);
    R.get(A, "length", X.Length);
    R.get(A, "at", X.Where);
  });
}

} // namespace

json::Value toJson(const CachedTu &E, llvm::ArrayRef<std::string> Hashes) {
  const TuResult &R = E.Result;
  json::Array Inputs;
  for (size_t I = 0; I < R.Inputs.size(); ++I)
    Inputs.push_back(
        json::Array{R.Inputs[I], I < Hashes.size() ? Hashes[I] : ""});
  json::Object Result{{"file", R.File},
                      {"profileApplied", R.ProfileApplied},
                      {"convertedCl", R.ConvertedCl},
                      {"droppedPch", R.DroppedPch},
                      {"droppedWriters", write(R.DroppedWriters)},
                      {"errors", R.Errors},
                      {"compileErrors", write(R.CompileErrors)},
                      {"msvcDefaultInt", R.MsvcDefaultInt},
                      {"blindSpots", write(R.BlindSpots)},
                      {"tables", write(R.Tables)},
                      {"deferred", write(R.DeferredMarkers)},
                      {"unjudgedEntries", write(R.UnjudgedEntries)}};
  json::Object O{{"format", Format},
                 {"inputs", std::move(Inputs)},
                 {"result", std::move(Result)},
                 {"findings", write(E.Findings)},
                 {"facts", write(E.Facts)}};
  if (E.Export)
    O["export"] = *E.Export;
  return O;
}

llvm::Expected<CachedTu> cachedTuFromJson(const json::Value &V,
                                          std::vector<std::string> &Hashes) {
  Reader R;
  CachedTu E;
  const json::Object *O = R.object(&V, "entry");
  if (O) {
    int64_t F = 0;
    R.get(*O, "format", F);
    if (!R.Problem && F != Format)
      R.Problem = fmt::format("format {} (this kstidy writes {})", F, Format);
  }
  if (O && !R.Problem) {
    if (const json::Array *Inputs = R.array(*O, "inputs"))
      for (const json::Value &I : *Inputs) {
        const json::Array *Pair = I.getAsArray();
        std::optional<llvm::StringRef> Path, Hash;
        if (Pair && Pair->size() == 2) {
          Path = (*Pair)[0].getAsString();
          Hash = (*Pair)[1].getAsString();
        }
        if (!Path || !Hash) {
          R.fail("inputs", "an array of [path, hash]");
          break;
        }
        E.Result.Inputs.push_back(Path->str());
        Hashes.push_back(Hash->str());
      }
    if (const json::Object *Res = R.object(O->get("result"), "result")) {
      TuResult &T = E.Result;
      R.get(*Res, "file", T.File);
      R.get(*Res, "profileApplied", T.ProfileApplied);
      R.get(*Res, "convertedCl", T.ConvertedCl);
      R.get(*Res, "droppedPch", T.DroppedPch);
      R.get(*Res, "droppedWriters", T.DroppedWriters);
      R.get(*Res, "errors", T.Errors);
      R.get(*Res, "compileErrors", T.CompileErrors);
      R.get(*Res, "msvcDefaultInt", T.MsvcDefaultInt);
      R.get(*Res, "blindSpots", T.BlindSpots);
      R.get(*Res, "tables", T.Tables);
      R.get(*Res, "deferred", T.DeferredMarkers);
      R.get(*Res, "unjudgedEntries", T.UnjudgedEntries);
    }
    R.get(*O, "findings", E.Findings);
    if (const json::Object *Facts = R.object(O->get("facts"), "facts"))
      readFacts(R, *Facts, E.Facts);
    if (const json::Value *X = O->get("export"))
      E.Export = *X;
  }
  if (R.Problem)
    return llvm::createStringError(std::errc::invalid_argument, "%s",
                                   R.Problem->c_str());
  // The whole-driver join reads the deferred entries, not their markers.
  for (const Finding &M : E.Result.DeferredMarkers) {
    auto D = readDeferred(M);
    if (!D)
      return llvm::createStringError(std::errc::invalid_argument,
                                     "\"deferred\" holds a finding that is "
                                     "not a deferred judgement");
    if (!*D)
      return D->takeError();
    E.Result.Deferred.push_back(std::move(**D));
  }
  E.Result.Preamble = TuResult::PreambleUse::Cached;
  return E;
}

std::string cacheKey(llvm::ArrayRef<std::string> Parts) {
  llvm::BLAKE3 H;
  for (const std::string &P : Parts) {
    uint64_t Size = P.size();
    uint8_t Bytes[8];
    for (int I = 0; I < 8; ++I)
      Bytes[I] = static_cast<uint8_t>(Size >> (8 * I));
    H.update(llvm::ArrayRef<uint8_t>(Bytes, 8));
    H.update(P);
  }
  return llvm::toHex(H.final(), /*LowerCase=*/true);
}

std::optional<uint64_t> parseByteSize(llvm::StringRef S) {
  uint64_t Scale = 1;
  if (!S.empty()) {
    switch (llvm::toLower(S.back())) {
    case 'k':
      Scale = uint64_t(1) << 10;
      break;
    case 'm':
      Scale = uint64_t(1) << 20;
      break;
    case 'g':
      Scale = uint64_t(1) << 30;
      break;
    default:
      break;
    }
    if (Scale != 1)
      S = S.drop_back();
  }
  uint64_t N = 0;
  if (S.empty() || S.getAsInteger(10, N) || N == 0 ||
      N > std::numeric_limits<uint64_t>::max() / Scale)
    return std::nullopt;
  return N * Scale;
}

ResultCache::ResultCache(std::string Dir, uint64_t MaxBytes)
    : Dir(std::move(Dir)), MaxBytes(MaxBytes),
      Started(std::chrono::system_clock::now()) {}

llvm::Expected<std::unique_ptr<ResultCache>>
ResultCache::open(llvm::StringRef Dir, uint64_t MaxBytes) {
  llvm::SmallString<256> Abs(Dir);
  if (std::error_code EC = llvm::sys::fs::make_absolute(Abs))
    return llvm::createStringError(EC, "cache directory %s: %s",
                                   Dir.str().c_str(), EC.message().c_str());
  std::error_code EC = llvm::sys::fs::create_directories(Abs);
  // An existing file of that name is "created" too.
  if (!EC && !llvm::sys::fs::is_directory(Abs))
    EC = std::make_error_code(std::errc::not_a_directory);
  if (EC)
    return llvm::createStringError(EC, "cannot create cache directory %s: %s",
                                   Dir.str().c_str(), EC.message().c_str());
  if (std::error_code EC =
          llvm::sys::fs::access(Abs, llvm::sys::fs::AccessMode::Write))
    return llvm::createStringError(EC, "cannot write cache directory %s: %s",
                                   Dir.str().c_str(), EC.message().c_str());
  return std::unique_ptr<ResultCache>(
      new ResultCache(std::string(Abs), MaxBytes));
}

std::string ResultCache::entryPath(const std::string &Key) const {
  // Two levels, as git's objects: no directory holds every entry.
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, llvm::StringRef(Key).take_front(2), Key + ".json");
  return std::string(P);
}

std::optional<std::string> ResultCache::hashOf(const std::string &Path) {
  {
    std::lock_guard<std::mutex> Lock(M);
    auto It = Hashes.find(Path);
    if (It != Hashes.end())
      return It->second;
  }
  std::optional<std::string> Hash;
  if (auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                                /*RequiresNullTerminator=*/
                                                false))
    Hash = llvm::toHex(
        llvm::BLAKE3::hash(llvm::arrayRefFromStringRef((*Buffer)->getBuffer())),
        /*LowerCase=*/true);
  std::lock_guard<std::mutex> Lock(M);
  Hashes.try_emplace(Path, Hash);
  return Hash;
}

std::optional<CachedTu> ResultCache::lookup(const std::string &Key,
                                            bool WantExport) {
  const std::string Path = entryPath(Key);
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer) {
    ++Counts.Misses;
    return std::nullopt;
  }
  auto Doc = parseJsonText((*Buffer)->getBuffer(), Path);
  std::vector<std::string> Stored;
  std::optional<CachedTu> E;
  if (Doc) {
    auto Read = cachedTuFromJson(*Doc, Stored);
    if (Read)
      E = std::move(*Read);
    else
      llvm::consumeError(Read.takeError());
  } else {
    llvm::consumeError(Doc.takeError());
  }
  if (!E) {
    // Replaced by this run's result when the TU is stored.
    ++Counts.Unreadable;
    ++Counts.Misses;
    return std::nullopt;
  }
  bool Valid = !WantExport || E->Export.has_value();
  for (size_t I = 0; Valid && I < E->Result.Inputs.size(); ++I)
    Valid = hashOf(E->Result.Inputs[I]) == Stored[I];
  if (!Valid) {
    ++Counts.Misses;
    return std::nullopt;
  }
  // Least recently used is least recently replayed or written.
  int FD = -1;
  if (!llvm::sys::fs::openFileForRead(Path, FD)) {
    auto Now = std::chrono::system_clock::now();
    (void)llvm::sys::fs::setLastAccessAndModificationTime(FD, Now, Now);
    (void)llvm::sys::fs::closeFile(FD);
  }
  ++Counts.Hits;
  return E;
}

void ResultCache::store(const std::string &Key, const CachedTu &Entry) {
  const TuResult &R = Entry.Result;
  if (R.Skipped || !R.MissingIncludes.empty())
    return;
  // Changed while the run read it: what was analysed is not known.
  auto ChangedSinceStart = [&](const std::string &Path) {
    llvm::sys::fs::file_status St;
    return llvm::sys::fs::status(Path, St) ||
           St.getLastModificationTime() >= Started;
  };
  if (ChangedSinceStart(R.File))
    return;
  std::vector<std::string> InputHashes;
  for (const std::string &In : R.Inputs) {
    if (ChangedSinceStart(In))
      return;
    auto H = hashOf(In);
    if (!H)
      return;
    InputHashes.push_back(*H);
  }
  const std::string Path = entryPath(Key);
  if (llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path)))
    return;
  // A cache that cannot be written costs speed, never results.
  if (!writeAtomically(Path, [&](llvm::raw_ostream &OS) {
        OS << toJson(Entry, InputHashes);
      }))
    ++Counts.Stored;
}

void ResultCache::evict() {
  struct File {
    std::string Path;
    uint64_t Size;
    llvm::sys::TimePoint<> Used;
  };
  std::vector<File> Files;
  uint64_t Total = 0;
  std::error_code EC;
  const auto Now = std::chrono::system_clock::now();
  for (llvm::sys::fs::recursive_directory_iterator I(Dir, EC), End;
       I != End && !EC; I.increment(EC)) {
    llvm::sys::fs::file_status St;
    if (I->type() != llvm::sys::fs::file_type::regular_file ||
        llvm::sys::fs::status(I->path(), St))
      continue;
    llvm::StringRef Name = llvm::sys::path::filename(I->path());
    // A writer killed before its rename leaves its temporary file: not an
    // entry, removed without being counted as one.
    if (!Name.ends_with(".json")) {
      if (Now - St.getLastModificationTime() > std::chrono::hours(1))
        (void)llvm::sys::fs::remove(I->path());
      continue;
    }
    Files.push_back({I->path(), St.getSize(), St.getLastModificationTime()});
    Total += St.getSize();
  }
  if (Total <= MaxBytes)
    return;
  std::sort(Files.begin(), Files.end(),
            [](const File &A, const File &B) { return A.Used < B.Used; });
  const uint64_t Target = MaxBytes / 10 * 8;
  for (const File &F : Files) {
    if (Total <= Target)
      break;
    if (!llvm::sys::fs::remove(F.Path)) {
      Total -= F.Size;
      ++Counts.Evicted;
    }
  }
}

} // namespace ks
