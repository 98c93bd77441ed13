//===- TopologyConnectionCheck.h - ks-topology-connection -----------------===//
//
// A filter's topology is its connection table: each KSTOPOLOGY_CONNECTION /
// PCCONNECTION_DESCRIPTOR joins a pin of the filter (KSFILTER_NODE,
// PCFILTER_NODE) or of a node (an index into the filter's node
// descriptors) to another. The runtime hands the table to clients as it is
// (KSPROPERTY_TOPOLOGY_CONNECTIONS): an end that names a node past the
// node count, or a filter pin past the pin count, is a topology with a
// dangling edge (docs/sources.md: PCCONNECTION_DESCRIPTOR,
// KSTOPOLOGY_CONNECTION).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_TOPOLOGYCONNECTIONCHECK_H
#define KSTIDY_CHECKS_TOPOLOGYCONNECTIONCHECK_H

#include "KsModelCheck.h"

namespace ks {

/// ks-topology-connection; docs/checks/ks-topology-connection.md.
class TopologyConnectionCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
};

} // namespace ks

#endif
