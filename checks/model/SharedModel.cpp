//===- SharedModel.cpp - The registry of per-TU model builders -----------===//
#include "SharedModel.h"

#include <map>
#include <mutex>

namespace ks {
namespace model {

namespace {
// A MatchFinder serves one TU; a later TU may get a finder at the same
// address, by which time the old builder has died with its checks and the
// weak pointer has expired.
std::mutex RegistryMutex;
std::map<const clang::ast_matchers::MatchFinder *, std::weak_ptr<SharedModel>>
    Registry;
/// The observer waiting for this thread's next SharedModel.
thread_local SharedModel::Observer *PendingObserver = nullptr;
} // namespace

SharedModel::Observer::Observer(Subscriber S)
    : S(std::move(S)), Outer(PendingObserver) {
  PendingObserver = this;
}

SharedModel::Observer::~Observer() { PendingObserver = Outer; }

SharedModel::SharedModel()
    : Builder([this](const KsModel &M, clang::ASTContext &Ctx) {
        for (const Subscriber &S : Subscribers)
          S(M, Ctx);
      }) {}

std::shared_ptr<SharedModel>
SharedModel::subscribe(clang::ast_matchers::MatchFinder *Finder, Subscriber S) {
  std::lock_guard<std::mutex> Lock(RegistryMutex);
  for (auto It = Registry.begin(); It != Registry.end();)
    It = It->second.expired() ? Registry.erase(It) : std::next(It);
  std::shared_ptr<SharedModel> Shared = Registry[Finder].lock();
  if (!Shared) {
    Shared = std::make_shared<SharedModel>();
    Shared->Builder.registerMatchers(Finder);
    Registry[Finder] = Shared;
    if (Observer *O = PendingObserver; O && !O->Attached) {
      Shared->Subscribers.push_back(O->S);
      O->Attached = true;
    }
  }
  Shared->Subscribers.push_back(std::move(S));
  return Shared;
}

} // namespace model
} // namespace ks
