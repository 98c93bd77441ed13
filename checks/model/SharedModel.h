//===- SharedModel.h - One KS model per translation unit for all checks ---===//
//
// Every ks-* check reads the same model. Building it once per check would
// run the model's matchers and callback analyses once per enabled check; the
// first check that registers with a MatchFinder creates the builder, the
// others subscribe to it, and all of them are called once the TU's model is
// complete. The builder lives as long as the checks that hold it (they and
// the MatchFinder share the lifetime of one TU's AST consumer). A tool that
// wants the same model (kstidy --export-model) observes it rather than
// building its own.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_SHAREDMODEL_H
#define KSTIDY_CHECKS_MODEL_SHAREDMODEL_H

#include "ModelBuilder.h"

#include <memory>
#include <vector>

namespace ks {
namespace model {

class SharedModel {
public:
  using Subscriber = ModelBuilder::CompletionHandler;

  /// The model builder of \p Finder's translation unit, created (and its
  /// matchers registered) on first use; \p S is called with the finished
  /// model.
  static std::shared_ptr<SharedModel>
  subscribe(clang::ast_matchers::MatchFinder *Finder, Subscriber S);

  /// While alive, the first SharedModel this thread creates also calls
  /// \p S with its finished model: set one up around the creation of a TU's
  /// checks to read the model they read.
  class Observer {
  public:
    explicit Observer(Subscriber S);
    ~Observer();
    Observer(const Observer &) = delete;
    Observer &operator=(const Observer &) = delete;
    /// A SharedModel took the subscriber: no check of the TU reads the model
    /// when it did not, and the observer must build its own.
    bool attached() const { return Attached; }

  private:
    friend class SharedModel;
    Subscriber S;
    bool Attached = false;
    Observer *Outer;
  };

  SharedModel();

private:
  ModelBuilder Builder;
  std::vector<Subscriber> Subscribers;
};

} // namespace model
} // namespace ks

#endif
