//===- ReferenceTestSupport.h - builders for the ksref tests ----*- C++ -*-===//
//
// What the ksref tests share: builders for handlers, items, property sets
// and requests, the three-item camera table most dispatch tests start from,
// and helpers that search and print the violations the reference observed.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TESTS_REFERENCETESTSUPPORT_H
#define KSTIDY_TESTS_REFERENCETESTSUPPORT_H

#include "ksref/ksref.h"

#include <string>
#include <vector>

namespace ksref {
namespace test {

inline HandlerEffects fn(const std::string &Name, uint32_t DataAccess = 0,
                         bool ChecksLength = false, uint32_t PropertyRead = 0,
                         uint32_t ItemStorageRead = 0) {
  HandlerEffects H;
  H.Name = Name;
  H.Present = true;
  H.DataAccess = DataAccess;
  H.ChecksPropertyLength = H.ChecksDataLength = ChecksLength;
  H.PropertyRead = PropertyRead;
  H.ItemStorageRead = ItemStorageRead;
  return H;
}

inline PropertyItem item(uint32_t Id, uint32_t MinProperty, uint32_t MinData,
                         HandlerEffects Get, HandlerEffects Set = {},
                         HandlerEffects Support = {}) {
  PropertyItem I;
  I.Id = Id;
  I.MinProperty = MinProperty;
  I.MinData = MinData;
  I.Get = std::move(Get);
  I.Set = std::move(Set);
  I.Support = std::move(Support);
  return I;
}

inline PropertyRequest request(const std::string &Set, uint32_t Id, Verb V,
                               uint32_t DataLength,
                               uint32_t PropertyLength = 24) {
  PropertyRequest R;
  R.Set = Set;
  R.Id = Id;
  R.V = V;
  R.DataLength = DataLength;
  R.PropertyLength = PropertyLength;
  return R;
}

inline PropertySet set(const std::string &Guid, const ItemArray &A,
                       uint32_t Count = ~0u) {
  PropertySet S;
  S.Guid = Guid;
  S.Items = &A;
  S.PropertiesCount =
      Count == ~0u ? static_cast<uint32_t>(A.Items.size()) : Count;
  return S;
}

/// Three plain GET/SET items of a camera set (ids 0, 1, 2).
inline ItemArray cameraItems(uint32_t ElementSize = 72) {
  ItemArray A;
  A.Name = "CameraItems";
  A.ElementSize = ElementSize;
  A.Items = {item(0, 24, 4, fn("GetBrightness", 4), fn("SetBrightness", 4)),
             item(1, 24, 4, fn("GetContrast", 4)),
             item(2, 24, 8, fn("GetExposure", 8), fn("SetExposure", 8))};
  return A;
}

inline DispatchOutcome dispatch(const std::vector<PropertySet> &Sets,
                                const PropertyRequest &R,
                                const DispatchOptions &Opt = {}) {
  return dispatchProperty(Sets, static_cast<uint32_t>(Sets.size()), R, Opt);
}

inline bool mentions(const std::vector<Violation> &Vs, const std::string &Check,
                     const std::string &Text) {
  for (const Violation &V : Vs)
    if (V.Check == Check && V.What.find(Text) != std::string::npos)
      return true;
  return false;
}

inline std::string dump(const std::vector<Violation> &Vs) {
  std::string S;
  for (const Violation &V : Vs)
    S += "[" + V.Check + "] " + V.What + "\n";
  return S;
}

} // namespace test
} // namespace ksref

#endif
