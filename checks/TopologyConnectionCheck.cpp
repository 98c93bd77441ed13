//===- TopologyConnectionCheck.cpp - ks-topology-connection ---------------===//
#include "TopologyConnectionCheck.h"

#include <algorithm>

using namespace clang;
using namespace ks::model;

namespace ks {

namespace {

/// How many entries of a counted array the runtime uses: the count, which
/// a NULL pointer makes 0 when the count is 0 too.
std::optional<uint64_t> usedCount(const CountedArray &A) {
  if (A.Unresolved || A.Count.Unresolved)
    return std::nullopt;
  return A.Count.Value;
}

} // namespace

void TopologyConnectionCheck::checkModel(const KsModel &Model,
                                         ASTContext &Ctx) {
  for (const FilterDescriptor &F : Model.Filters) {
    const ConnectionTable *T = F.ConnectionTab;
    std::optional<uint64_t> Used = usedCount(F.Connections);
    if (!T || !Used)
      continue;
    std::optional<uint64_t> Nodes = usedCount(F.Nodes);
    std::optional<uint64_t> Pins = usedCount(F.Pins);
    const llvm::StringRef Sentinel =
        F.Fw == Framework::PortCls ? "PCFILTER_NODE" : "KSFILTER_NODE";
    const llvm::StringRef NodeCount =
        F.Fw == Framework::PortCls ? "NodeCount" : "NodeDescriptorsCount";
    const llvm::StringRef PinCount =
        F.Fw == Framework::PortCls ? "PinCount" : "PinDescriptorsCount";
    const uint64_t N = std::min<uint64_t>(*Used, T->Entries.size());
    for (uint64_t I = 0; I < N; ++I) {
      const Connection &C = T->Entries[I];
      auto End = [&](const TableValue &Node, const TableValue &Pin,
                     llvm::StringRef NodeField, llvm::StringRef PinField) {
        if (!Node.Value || Node.Unresolved)
          return;
        if (*Node.Value == FilterNode) {
          if (Pin.Value && !Pin.Unresolved && Pins && *Pin.Value >= *Pins)
            diag(at(Pin.Expr ? Pin.Expr->getBeginLoc() : C.Init->getBeginLoc()),
                 "connection %0 of '%1' joins filter pin %2 (%3 is %4), but "
                 "%5 has %6 pin%plural{1:|:s}6 (%7): the topology names a pin "
                 "the "
                 "filter does not have")
                << static_cast<unsigned>(C.Index) << T->Var->getName()
                << static_cast<unsigned>(*Pin.Value) << NodeField << Sentinel
                << KsModel::describeFilter(F) << static_cast<unsigned>(*Pins)
                << PinCount;
          return;
        }
        if (Nodes && *Node.Value >= *Nodes)
          diag(at(Node.Expr ? Node.Expr->getBeginLoc() : C.Init->getBeginLoc()),
               "connection %0 of '%1': %2 is %3, but %4 has %5 "
               "node%plural{1:|:s}5 "
               "(%6) and %3 is not %7: clients of "
               "KSPROPERTY_TOPOLOGY_CONNECTIONS "
               "index past the node list")
              << static_cast<unsigned>(C.Index) << T->Var->getName()
              << NodeField << static_cast<unsigned>(*Node.Value)
              << KsModel::describeFilter(F) << static_cast<unsigned>(*Nodes)
              << NodeCount << Sentinel;
      };
      End(C.FromNode, C.FromNodePin, "FromNode", "FromNodePin");
      End(C.ToNode, C.ToNodePin, "ToNode", "ToNodePin");
    }
  }
}

} // namespace ks
