//===- DescriptorModel.h - Filter, pin, node, connection, data ranges -----===//
//
// The descriptor domain of the KS model: the tables AVStream and PortCls
// walk to build a filter factory and answer its pin and topology
// properties. A KSFILTER_DESCRIPTOR / PCFILTER_DESCRIPTOR holds counts and
// strides beside pointers to its pin, node, connection and category
// arrays; every pin (KSPIN_DESCRIPTOR_EX / PCPIN_DESCRIPTOR) holds counts
// beside its interfaces, mediums and data ranges; a connection
// (KSTOPOLOGY_CONNECTION / PCCONNECTION_DESCRIPTOR) names nodes and pins by
// index; a data range (KSDATARANGE and the structs it heads) carries its
// own size in FormatSize. The runtime trusts every one of these numbers.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_DESCRIPTORMODEL_H
#define KSTIDY_CHECKS_MODEL_DESCRIPTORMODEL_H

#include "KsTypes.h"
#include "ModelValues.h"

#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include <deque>
#include <vector>

namespace ks {
namespace model {

/// A stride member (PinSize, NodeDescriptorSize): the runtime steps through
/// the array by it, so it must be the size of the array's element.
struct Stride {
  llvm::StringRef Field; ///< "PinSize"
  TableValue Size;
  /// The base type the runtime reads at each step (PCPIN_DESCRIPTOR), and
  /// its size when the headers declare it.
  llvm::StringRef BaseType;
  std::optional<uint64_t> BaseSize;
};

/// What a pin descriptor entry lists (its KSPIN_DESCRIPTOR part), plus the
/// instance counts of each framework.
struct DescriptorPin {
  const clang::VarDecl *Table = nullptr;
  Framework Fw = Framework::Ks;
  unsigned Index = 0;
  const clang::Expr *Init = nullptr;
  CountedArray Interfaces, Mediums, DataRanges;
  // PortCls (PCPIN_DESCRIPTOR)
  TableValue MaxGlobalInstances, MaxFilterInstances, MinFilterInstances;
  // AVStream (KSPIN_DESCRIPTOR_EX)
  TableValue InstancesPossible, InstancesNecessary;
  bool HasErrors = false;
};

/// An array of PCPIN_DESCRIPTOR or KSPIN_DESCRIPTOR_EX (or one object).
struct PinTable {
  const clang::VarDecl *Var = nullptr;
  Framework Fw = Framework::Ks;
  std::optional<uint64_t> Length;
  std::vector<DescriptorPin> Pins;
  bool HasErrors = false;
};

/// One entry of a connection array.
struct Connection {
  const clang::Expr *Init = nullptr;
  unsigned Index = 0;
  TableValue FromNode, FromNodePin, ToNode, ToNodePin;
};

/// An array of KSTOPOLOGY_CONNECTION or PCCONNECTION_DESCRIPTOR.
struct ConnectionTable {
  const clang::VarDecl *Var = nullptr;
  Framework Fw = Framework::Ks; ///< by the element type's name
  std::vector<Connection> Entries;
  bool HasErrors = false;
};

/// A KSFILTER_DESCRIPTOR or PCFILTER_DESCRIPTOR.
struct FilterDescriptor {
  const clang::VarDecl *Var = nullptr;
  int Index = -1; ///< the element of an array of descriptors, else -1
  Framework Fw = Framework::Ks;
  const clang::Expr *Init = nullptr;
  CountedArray Pins, Nodes, Connections, Categories;
  Stride PinStride, NodeStride;
  /// The pin and connection tables the pointers designate, when their
  /// initializers are in this TU.
  const PinTable *PinTab = nullptr;
  const ConnectionTable *ConnectionTab = nullptr;
  bool HasErrors = false;
};

/// A data range object: KSDATARANGE, a struct of ksmedia.h that starts with
/// one (KSDATARANGE_AUDIO, KS_DATARANGE_VIDEO ...), or a driver struct that
/// does. One entry per object: an array of ranges gives one per element.
struct DataRange {
  const clang::VarDecl *Var = nullptr;
  int Index = -1; ///< the element of an array of ranges, else -1
  const clang::Expr *Init = nullptr;
  clang::QualType Type; ///< the object's type
  std::optional<uint64_t> TypeSize;
  /// The type is declared by the KS headers (the runtime and the class
  /// drivers know its size); false for a driver's own struct.
  bool KnownType = false;
  TableValue FormatSize;
  /// MajorFormat, SubFormat, Specifier: each GUID's value when the
  /// initializer is constant (`STATICGUIDOF(KSDATAFORMAT_TYPE_AUDIO)`, an
  /// omitted member is GUID_NULL, the wildcard); empty when unknown.
  struct FormatGuid {
    const clang::Expr *Expr = nullptr; ///< null when omitted
    std::string Value;                 ///< "{xxxxxxxx-...}" or empty
    std::string Spelling; ///< the name written (KSDATAFORMAT_TYPE_AUDIO)
    bool known() const { return !Value.empty(); }
    bool wildcard() const;
  };
  FormatGuid MajorFormat, SubFormat, Specifier;
  bool HasErrors = false;
};

/// "{00000000-0000-0000-0000-000000000000}": GUID_NULL, which ks.h defines
/// KSDATAFORMAT_TYPE_WILDCARD, _SUBTYPE_WILDCARD and _SPECIFIER_WILDCARD as.
inline constexpr const char *WildcardGuid =
    "{00000000-0000-0000-0000-000000000000}";
inline bool DataRange::FormatGuid::wildcard() const {
  return Value == WildcardGuid;
}

/// The descriptors of one translation unit.
struct DescriptorModel {
  std::deque<FilterDescriptor> Filters;
  std::deque<PinTable> PinTables;
  std::deque<ConnectionTable> ConnectionTables;
  std::deque<DataRange> DataRanges;

private:
  friend class KsModel;
  friend class ModelBuilder;
  llvm::DenseMap<const clang::VarDecl *, const PinTable *> PinTableByVar;
  llvm::DenseMap<const clang::VarDecl *, const ConnectionTable *>
      ConnectionTableByVar;
  llvm::DenseMap<const clang::VarDecl *, bool> FilterSeen, RangeSeen;
};

/// The KS filter-side sentinel of a connection end: KSFILTER_NODE and
/// PCFILTER_NODE, ((ULONG)-1).
inline constexpr uint64_t FilterNode = 0xffffffffu;

} // namespace model
} // namespace ks

#endif
