//===- WindowsPathFileSystem.cpp ------------------------------------------===//
#include "WindowsPathFileSystem.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace ks {

std::optional<std::vector<std::string>>
DirectoryListingCache::lookup(llvm::vfs::FileSystem &FS, llvm::StringRef Dir,
                              llvm::StringRef LowerName) {
  std::shared_ptr<Listing> L;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Listings.find(Dir);
    if (It != Listings.end())
      L = It->second;
  }
  if (!L) {
    // Listed outside the lock: two workers may list the same directory
    // once each, which costs less than serialising every listing.
    L = std::make_shared<Listing>();
    std::error_code EC;
    llvm::vfs::directory_iterator I = FS.dir_begin(Dir, EC), End;
    L->Listed = !EC;
    for (; !EC && I != End; I.increment(EC)) {
      llvm::StringRef Name = llvm::sys::path::filename(I->path());
      L->Names[Name.lower()].push_back(Name.str());
    }
    for (auto &Entry : L->Names)
      llvm::sort(Entry.second); // deterministic when names differ by case only
    std::lock_guard<std::mutex> Guard(Lock);
    Listings.try_emplace(Dir, L);
  }
  if (!L->Listed)
    return std::nullopt;
  auto Hit = L->Names.find(LowerName);
  if (Hit == L->Names.end())
    return std::vector<std::string>();
  return Hit->second;
}

WindowsPathFileSystem::WindowsPathFileSystem(
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base,
    std::shared_ptr<DirectoryListingCache> Cache)
    : ProxyFileSystem(std::move(Base)), Cache(std::move(Cache)) {}

std::optional<std::string>
WindowsPathFileSystem::resolve(llvm::StringRef Path) {
  std::string Slashed = Path.str();
  std::replace(Slashed.begin(), Slashed.end(), '\\', '/');
  llvm::SmallString<256> Abs(Slashed);
  if (!llvm::sys::path::is_absolute(Abs)) {
    auto Cwd = getCurrentWorkingDirectory();
    if (!Cwd)
      return std::nullopt;
    llvm::SmallString<256> Joined(*Cwd);
    llvm::sys::path::append(Joined, Abs);
    Abs = Joined;
  }
  // Windows resolves `..` lexically, before looking at the disk.
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);

  // Most misses are a header searched for in an include directory that
  // does not hold it: when the directory exists as spelled, its listing
  // alone answers.
  if (auto Here =
          Cache->lookup(getUnderlyingFS(), llvm::sys::path::parent_path(Abs),
                        llvm::sys::path::filename(Abs).lower());
      Here && Here->empty())
    return std::nullopt;

  llvm::SmallString<256> Found(llvm::sys::path::root_path(Abs));
  for (auto I = llvm::sys::path::begin(llvm::sys::path::relative_path(Abs)),
            E = llvm::sys::path::end(llvm::sys::path::relative_path(Abs));
       I != E; ++I) {
    std::optional<std::vector<std::string>> Listed =
        Cache->lookup(getUnderlyingFS(), Found, I->lower());
    if (!Listed || Listed->empty())
      return std::nullopt;
    const std::vector<std::string> &Names = *Listed;
    // The exact spelling wins when the directory holds several that differ
    // only by case (possible on Linux, never on NTFS).
    llvm::StringRef Pick = Names.front();
    for (const std::string &N : Names)
      if (N == *I)
        Pick = N;
    llvm::sys::path::append(Found, Pick);
  }
  if (Found == Path)
    return std::nullopt;
  return std::string(Found);
}

llvm::ErrorOr<llvm::vfs::Status>
WindowsPathFileSystem::status(const llvm::Twine &Path) {
  auto S = ProxyFileSystem::status(Path);
  if (S || S.getError() != std::errc::no_such_file_or_directory)
    return S;
  llvm::SmallString<256> Name;
  Path.toVector(Name);
  auto Real = resolve(Name);
  if (!Real)
    return S;
  auto Resolved = ProxyFileSystem::status(*Real);
  if (!Resolved)
    return S;
  // The name the preprocessor asked for: that is what it will report.
  return llvm::vfs::Status::copyWithNewName(*Resolved, Name);
}

std::error_code
WindowsPathFileSystem::getRealPath(const llvm::Twine &Path,
                                   llvm::SmallVectorImpl<char> &Output) {
  std::error_code EC = ProxyFileSystem::getRealPath(Path, Output);
  if (EC != std::errc::no_such_file_or_directory)
    return EC;
  llvm::SmallString<256> Name;
  Path.toVector(Name);
  auto Real = resolve(Name);
  if (!Real)
    return EC;
  return ProxyFileSystem::getRealPath(*Real, Output);
}

/// Opening a FIFO waits for a writer, reading a device may never end: an
/// #include that names one (or a link to one) is refused, not read.
static bool isReadableKind(const llvm::vfs::Status &S) {
  return S.getType() == llvm::sys::fs::file_type::regular_file ||
         S.getType() == llvm::sys::fs::file_type::directory_file;
}

llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
WindowsPathFileSystem::openFileForRead(const llvm::Twine &Path) {
  // A stat first (a miss costs what a failed open costs): it tells a FIFO
  // or a device before opening it could block.
  auto S = ProxyFileSystem::status(Path);
  if (S) {
    if (!isReadableKind(*S))
      return std::make_error_code(std::errc::invalid_argument);
    return ProxyFileSystem::openFileForRead(Path);
  }
  if (S.getError() != std::errc::no_such_file_or_directory)
    return S.getError();
  llvm::SmallString<256> Name;
  Path.toVector(Name);
  auto Real = resolve(Name);
  if (!Real)
    return S.getError();
  auto RealStatus = ProxyFileSystem::status(*Real);
  if (!RealStatus)
    return S.getError();
  if (!isReadableKind(*RealStatus))
    return std::make_error_code(std::errc::invalid_argument);
  auto Resolved = ProxyFileSystem::openFileForRead(*Real);
  if (!Resolved)
    return S.getError();
  return llvm::vfs::File::getWithPath(std::move(Resolved), Name);
}

} // namespace ks
