//===- ResultCacheTest.cpp - Entries round-trip, keys, validity, eviction -===//
//
// A cache entry that loses a field replays a different result than the run
// that stored it; an entry replayed after one of its headers changed
// replays a stale one. These pin both down, and the size limit.
//
//===----------------------------------------------------------------------===//
#include "ResultCache.h"
#include "PropertyMinSizeCheck.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

#include <limits>
#include <thread>

namespace ks {
namespace {

Location at(std::string File, unsigned Line) {
  return Location{std::move(File), Line * 10, Line, 3};
}

/// An entry with every field set to something other than its default.
CachedTu fullEntry(const std::string &Header) {
  CachedTu E;
  TuResult &R = E.Result;
  R.File = "/tree/a.cpp";
  R.ProfileApplied = R.ConvertedCl = R.DroppedPch = true;
  R.DroppedWriters = {"-MF", "x.d"};
  R.Errors = 2;
  Finding Err;
  Err.Check = "clang-diagnostic-error";
  Err.IsError = true;
  Err.Where = at("/tree/a.cpp", 4);
  Err.Message = "unknown type name 'X'";
  R.CompileErrors = {Err, Err};
  R.MsvcDefaultInt = 1;
  R.BlindSpots = {{"Table", "item table", at("/tree/a.h", 9), "in #if 0",
                   /*Disabled=*/true}};
  R.Tables = {"Table", "Other"};
  Finding Marker;
  Marker.Check = "ks-property-min-size";
  Marker.Where = at("/tree/a.h", 12);
  Marker.Message =
      std::string(PropertyMinSizeCheck::DeferredMarker) +
      R"J({"rule": "minData", "item": "property S/0", "id": 3, "own": 4, )J"
      R"J("handlers": [{"usr": "c:@F@Get", "name": "Get", "verb": "writes"}]})J";
  R.DeferredMarkers = {Marker};
  R.UnjudgedEntries = {{"Entry", "entry point", at("/tree/a.cpp", 40),
                        "tests the requestor mode", false}};
  R.Inputs = {Header};

  Finding F;
  F.Check = "ks-property-item-size";
  F.Where = at("/tree/a.cpp", 20);
  F.Message = "item size 12 is not a multiple of 8";
  F.Notes = {{at("/tree/a.h", 2), "declared here"}};
  F.Fixes = {{at("/tree/a.cpp", 20), 2, "12", "16"}};
  E.Findings = {F};
  E.Export = llvm::json::Object{{"file", "a.cpp"}, {"items", 3}};

  model::HandlerSummary H;
  H.Usr = "c:@F@Get";
  H.Name = "Get";
  H.Fw = model::Framework::PortCls;
  H.NamedIds = {-1, 7};
  model::HandlerSummary::Access A;
  A.Fact.Of = model::HandlerBuffer::Property;
  A.Fact.Size = std::numeric_limits<uint64_t>::max();
  A.Fact.Guarded = true;
  A.Fact.Ids.Other = false;
  A.Fact.Ids.Ids = {7};
  A.Type = "ULONG";
  A.Where = {"/tree/b.cpp", 5, 6, 7};
  H.Accesses = {A};
  E.Facts.Handlers = {H};
  model::HandlerUse U;
  U.Usr = "c:@F@Get";
  U.Kind = model::GuaranteeKind::ExtMinData;
  U.Item.Id = -5;
  U.Item.Size = 24;
  E.Facts.Uses = {U, model::HandlerUse{}};
  model::ParameterAllocatorSummary P;
  P.Usr = "c:@F@Alloc";
  P.Name = "Alloc";
  P.Allocation = model::FilePosition{"/tree/c.cpp", 1, 2, 3};
  P.AllocatesFromPool = true;
  E.Facts.Allocators = {P};
  E.Facts.Arrays = {{"c:@Pins", "Pins", 4, {"/tree/d.cpp", 8, 9, 10}}};
  return E;
}

TEST(ResultCacheTest, AnEntryReadsBackAsItWasWritten) {
  CachedTu E = fullEntry("/tree/a.h");
  std::vector<std::string> Hashes;
  auto Back = cachedTuFromJson(toJson(E, {"abc"}), Hashes);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Hashes, std::vector<std::string>{"abc"});
  // Written again, the entry that was read is the same text.
  EXPECT_EQ(toJson(*Back, Hashes), toJson(E, {"abc"}));
  EXPECT_EQ(Back->Result.Preamble, TuResult::PreambleUse::Cached);
  // The deferred markers come back as judgements for the join.
  ASSERT_EQ(Back->Result.Deferred.size(), 1u);
  EXPECT_EQ(Back->Result.Deferred[0].Rule, "minData");
  EXPECT_EQ(Back->Result.Deferred[0].Own, 4u);
  EXPECT_EQ(Back->Facts.Handlers[0].Accesses[0].Fact.Size,
            std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(Back->Facts.Handlers[0].Fw, model::Framework::PortCls);
  EXPECT_EQ(Back->Facts.Uses[0].Item.Id, std::optional<int64_t>(-5));
  EXPECT_FALSE(Back->Facts.Uses[1].Item.Size.has_value());
  EXPECT_FALSE(Back->Facts.Allocators[0].SuccessWithoutBuffer.has_value());
  EXPECT_EQ(Back->Findings[0].Fixes[0].Replacement, "16");
}

TEST(ResultCacheTest, AMalformedEntryIsAnErrorNotAResult) {
  llvm::json::Value Good = toJson(fullEntry("/tree/a.h"), {"abc"});
  std::vector<std::string> Hashes;
  for (const char *Key : {"format", "inputs", "result", "findings", "facts"}) {
    llvm::json::Value Bad = Good;
    Bad.getAsObject()->erase(Key);
    EXPECT_FALSE(bool(cachedTuFromJson(Bad, Hashes))) << Key;
    Hashes.clear();
  }
  llvm::json::Value Old = Good;
  (*Old.getAsObject())["format"] = 0;
  auto R = cachedTuFromJson(Old, Hashes);
  ASSERT_FALSE(bool(R));
  EXPECT_NE(llvm::toString(R.takeError()).find("format 0"), std::string::npos);
  llvm::json::Value WrongType = Good;
  (*WrongType.getAsObject()->getObject("result"))["errors"] = "two";
  EXPECT_FALSE(bool(cachedTuFromJson(WrongType, Hashes)));
  EXPECT_FALSE(bool(cachedTuFromJson(llvm::json::Value(5), Hashes)));
}

TEST(ResultCacheTest, KeysSeparateTheirParts) {
  EXPECT_EQ(cacheKey({"a", "b"}), cacheKey({"a", "b"}));
  EXPECT_NE(cacheKey({"ab", ""}), cacheKey({"a", "b"}));
  EXPECT_NE(cacheKey({"a"}), cacheKey({"a", ""}));
  EXPECT_EQ(cacheKey({"x"}).size(), 64u);
}

TEST(ResultCacheTest, ByteSizes) {
  EXPECT_EQ(parseByteSize("4096"), 4096u);
  EXPECT_EQ(parseByteSize("2k"), 2048u);
  EXPECT_EQ(parseByteSize("512M"), 512u << 20);
  EXPECT_EQ(parseByteSize("1G"), uint64_t(1) << 30);
  for (const char *Bad : {"", "M", "0", "-1", "1.5G", "1T", "99999999999999G"})
    EXPECT_FALSE(parseByteSize(Bad).has_value()) << Bad;
}

class CacheDirTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("kstidy-cache", Root));
    Header = path("a.h");
    Source = path("a.cpp");
    write(Header, "#define X 1\n");
    write(Source, "#include \"a.h\"\n");
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Root); }

  std::string path(llvm::StringRef Name) {
    llvm::SmallString<256> P(Root);
    llvm::sys::path::append(P, Name);
    return std::string(P);
  }
  static void write(const std::string &Path, llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    OS << Text;
  }
  CachedTu entry() {
    CachedTu E = fullEntry(Header);
    E.Result.File = Source;
    return E;
  }
  std::unique_ptr<ResultCache> open(uint64_t Limit = 1 << 20) {
    auto C = ResultCache::open(path("cache"), Limit);
    EXPECT_TRUE(bool(C));
    return C ? std::move(*C) : nullptr;
  }

  llvm::SmallString<256> Root;
  std::string Header, Source;
};

TEST_F(CacheDirTest, AStoredEntryIsReplayedUntilAHeaderChanges) {
  {
    auto C = open();
    EXPECT_FALSE(C->lookup("k1", false));
    // Written before this run began: stored.
    C->store("k1", entry());
    EXPECT_EQ(C->stats().Stored, 1u);
  }
  {
    auto C = open();
    auto Hit = C->lookup("k1", /*WantExport=*/true);
    ASSERT_TRUE(Hit);
    EXPECT_EQ(Hit->Findings.size(), 1u);
    EXPECT_FALSE(C->lookup("k2", false));
    EXPECT_EQ(C->stats().Hits, 1u);
    EXPECT_EQ(C->stats().Misses, 1u);
  }
  write(Header, "#define X 2\n");
  {
    auto C = open();
    EXPECT_FALSE(C->lookup("k1", false));
  }
}

TEST_F(CacheDirTest, AnEntryWithoutTheExportDoesNotServeAnExport) {
  auto C = open();
  CachedTu E = entry();
  E.Export.reset();
  C->store("k", E);
  auto Again = open();
  EXPECT_TRUE(Again->lookup("k", false));
  EXPECT_FALSE(Again->lookup("k", true));
}

TEST_F(CacheDirTest, WhatCannotBeReplayedFaithfullyIsNotStored) {
  auto Before = open();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  {
    CachedTu E = entry();
    E.Result.MissingIncludes.push_back({"wdm.h", Source, 1});
    Before->store("missing", E);
    E = entry();
    E.Result.Skipped = "not a source";
    Before->store("skipped", E);
    E = entry();
    E.Result.Inputs.push_back(path("gone.h"));
    Before->store("unreadable", E);
  }
  // A header written after the run began: what the TU read is not known.
  write(Header, "#define X 3\n");
  Before->store("changed", entry());
  EXPECT_EQ(Before->stats().Stored, 0u);
  auto After = open();
  for (const char *K : {"missing", "skipped", "unreadable", "changed"})
    EXPECT_FALSE(After->lookup(K, false)) << K;
}

TEST_F(CacheDirTest, ACorruptEntryIsAMissAndIsReplaced) {
  {
    auto C = open();
    C->store("k", entry());
  }
  // The entry's file, whatever its layout: the only .json under the cache.
  std::string Entry;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator I(path("cache"), EC), End;
       I != End && !EC; I.increment(EC))
    if (llvm::StringRef(I->path()).ends_with(".json"))
      Entry = I->path();
  ASSERT_FALSE(Entry.empty());
  write(Entry, "{\"format\": 1, \"inputs\": [tru");
  auto C = open();
  EXPECT_FALSE(C->lookup("k", false));
  EXPECT_EQ(C->stats().Unreadable, 1u);
  C->store("k", entry());
  EXPECT_TRUE(open()->lookup("k", false));
}

TEST_F(CacheDirTest, EvictionKeepsTheMostRecentlyUsed) {
  CachedTu E = entry();
  const size_t One = llvm::formatv("{0}", toJson(E, {"0123"})).str().size();
  // Room for three entries.
  const uint64_t Limit = One * 3 + One / 2;
  {
    auto C = open(Limit);
    for (const char *K : {"k1", "k2", "k3", "k4", "k5"}) {
      C->store(K, E);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // k1 used again: the most recent.
    ASSERT_TRUE(C->lookup("k1", false));
    C->evict();
    EXPECT_GE(C->stats().Evicted, 2u);
  }
  auto C = open(Limit);
  EXPECT_TRUE(C->lookup("k1", false));
  EXPECT_TRUE(C->lookup("k5", false));
  EXPECT_FALSE(C->lookup("k2", false));
  EXPECT_FALSE(C->lookup("k3", false));
}

TEST_F(CacheDirTest, AnUnwritableDirectoryIsAnError) {
  write(path("file"), "x");
  auto C = ResultCache::open(path("file"), 1 << 20);
  ASSERT_FALSE(bool(C));
  EXPECT_NE(llvm::toString(C.takeError()).find("cache directory"),
            std::string::npos);
}

} // namespace
} // namespace ks
