//===- DataRangeWildcardCheck.cpp - ks-data-range-wildcard ----------------===//
#include "DataRangeWildcardCheck.h"

using namespace clang;
using namespace ks::model;

namespace ks {

namespace {

/// How a message names a GUID member: the name written, else the value.
std::string shown(const DataRange::FormatGuid &G) {
  return G.Spelling.empty() ? G.Value : G.Spelling;
}

} // namespace

void DataRangeWildcardCheck::checkModel(const KsModel &Model, ASTContext &) {
  for (const DataRange &R : Model.DataRanges) {
    // The major format must be known to be the wildcard; an unknown
    // subformat or specifier is not judged.
    if (!R.MajorFormat.wildcard())
      continue;
    const bool Sub = R.SubFormat.known() && !R.SubFormat.wildcard();
    const bool Spec = R.Specifier.known() && !R.Specifier.wildcard();
    if (!Sub && !Spec)
      continue;
    std::string Name = R.Var->getQualifiedNameAsString();
    if (R.Index >= 0)
      Name += "[" + std::to_string(R.Index) + "]";
    std::string Specific;
    if (Sub)
      Specific = "SubFormat " + shown(R.SubFormat);
    if (Sub && Spec)
      Specific += " and ";
    if (Spec)
      Specific += "Specifier " + shown(R.Specifier);
    const Expr *At = Sub ? R.SubFormat.Expr : R.Specifier.Expr;
    diag(at(At ? At->getBeginLoc() : R.Var->getLocation()),
         "data range '%0' matches every major format "
         "(KSDATAFORMAT_TYPE_WILDCARD) but names %1: with a wildcard "
         "MajorFormat, SubFormat and Specifier must be wildcards too; KS "
         "matches ranges member by member, so the pin's intersect handler "
         "is handed client ranges of any major format with %2")
        << Name << Specific
        << (Sub && Spec ? "this SubFormat and Specifier"
            : Sub       ? "this SubFormat"
                        : "this Specifier");
  }
}

} // namespace ks
