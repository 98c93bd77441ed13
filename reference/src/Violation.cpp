//===- Violation.cpp
//-------------------------------------------------------===//
#include "ksref/Violation.h"

#include <algorithm>

namespace ksref {

void addViolation(std::vector<Violation> &Out, std::string Check,
                  std::string What) {
  Violation V{std::move(Check), std::move(What)};
  if (std::find(Out.begin(), Out.end(), V) == Out.end())
    Out.push_back(std::move(V));
}

bool hasViolation(const std::vector<Violation> &Out, const std::string &Check) {
  return std::any_of(Out.begin(), Out.end(),
                     [&](const Violation &V) { return V.Check == Check; });
}

std::vector<Violation> violationsOf(const std::vector<Violation> &Out,
                                    const std::string &Check) {
  std::vector<Violation> R;
  for (const Violation &V : Out)
    if (V.Check == Check)
      R.push_back(V);
  return R;
}

} // namespace ksref
