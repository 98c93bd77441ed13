//===- SharedModel.h - One KS model per translation unit for all checks ---===//
//
// Every ks-* check reads the same model. Building it once per check would
// run the model's matchers and callback analyses once per enabled check; the
// first check that registers with a MatchFinder creates the builder, the
// others subscribe to it, and all of them are called once the TU's model is
// complete. The builder lives as long as the checks that hold it (they and
// the MatchFinder share the lifetime of one TU's AST consumer).
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

  SharedModel();

private:
  ModelBuilder Builder;
  std::vector<Subscriber> Subscribers;
};

} // namespace model
} // namespace ks

#endif
