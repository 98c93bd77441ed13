//===- PropertyMissingHandlerCheck.h - ks-property-missing-handler
//---------===//
//
// An item the runtime finds but cannot serve: a KSPROPERTY_ITEM with no get,
// set or support handler, a fast item that supports neither verb, a
// PCPROPERTY_ITEM whose Flags promise verbs its NULL Handler cannot run, and
// extended PortCls items walked with a stride that never reaches their
// extension (its handlers and sizes are read from the wrong entry).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_PROPERTYMISSINGHANDLERCHECK_H
#define KSTIDY_CHECKS_PROPERTYMISSINGHANDLERCHECK_H

#include "KsModelCheck.h"

namespace ks {

class PropertyMissingHandlerCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
};

} // namespace ks

#endif
