@BANNER@
#include "@CLASS@.h"

using namespace clang;
using namespace ks::model;

namespace ks {

void @CLASS@::checkModel(const KsModel &Model, ASTContext &Ctx) {
  // The rule: read the facts it needs from the model (checks/model/) and
  // report with diag(); an unknown fact is never a finding.
}

} // namespace ks
