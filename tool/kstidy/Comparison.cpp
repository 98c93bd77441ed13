//===- Comparison.cpp - Static findings beside what the runtime did -------===//
#include "Comparison.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace ks {

std::vector<ComparisonRow>
compareFindings(const std::vector<Finding> &Static,
                const std::vector<RuntimeFinding> &Runtime,
                llvm::StringRef BaseDir) {
  std::vector<ComparisonRow> Rows;
  std::vector<bool> Used(Runtime.size(), false);
  for (const Finding &F : Static) {
    if (F.IsError)
      continue;
    std::string File = displayPath(F.Where.File, BaseDir);
    ComparisonRow Row;
    Row.Check = F.Check;
    Row.Where = File + ":" + std::to_string(F.Where.Line);
    Row.Static = F.Message;
    Row.Runtime = "-";
    Row.Verdict = "static-only";
    for (size_t I = 0; I < Runtime.size(); ++I) {
      const RuntimeFinding &R = Runtime[I];
      if (R.Check == F.Check && R.File == File && R.Line <= F.Where.Line &&
          F.Where.Line <= R.EndLine) {
        Row.Runtime = R.What;
        Row.Verdict = "confirmed";
        Used[I] = true;
      }
    }
    Rows.push_back(std::move(Row));
  }
  for (size_t I = 0; I < Runtime.size(); ++I) {
    if (Used[I])
      continue;
    const RuntimeFinding &R = Runtime[I];
    Rows.push_back({R.Check, R.File + ":" + std::to_string(R.Line), "-",
                    R.What + " [" + R.Request + "]", "runtime-only"});
  }
  return Rows;
}

void printComparison(llvm::raw_ostream &OS,
                     const std::vector<ComparisonRow> &Rows) {
  OS << llvm::formatv("{0,-13} {1,-32} {2,-40} {3}\n", "verdict", "check",
                      "where", "static | runtime");
  for (const ComparisonRow &R : Rows) {
    auto Cut = [](const std::string &S) {
      return S.size() > 70 ? S.substr(0, 67) + "..." : S;
    };
    OS << llvm::formatv("{0,-13} {1,-32} {2,-40} {3} | {4}\n", R.Verdict,
                        R.Check, R.Where, Cut(R.Static), Cut(R.Runtime));
  }
}

Value comparisonToJson(const std::vector<ComparisonRow> &Rows) {
  Array Out;
  for (const ComparisonRow &R : Rows)
    Out.push_back(Object{{"check", R.Check},
                         {"where", R.Where},
                         {"static", R.Static},
                         {"runtime", R.Runtime},
                         {"verdict", R.Verdict}});
  return Out;
}

} // namespace ks
