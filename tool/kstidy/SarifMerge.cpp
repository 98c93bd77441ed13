//===- SarifMerge.cpp
//------------------------------------------------------===//
#include "SarifMerge.h"
#include "SafeIO.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <tuple>

namespace ks {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace {

llvm::Error malformed(llvm::StringRef Where, const llvm::Twine &What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s: %s",
                                 Where.str().c_str(), What.str().c_str());
}

/// Walks JSON text without building a tree, one value at a time. The text
/// has passed the nesting limit; the scanner itself keeps no stack.
class Scanner {
public:
  explicit Scanner(llvm::StringRef Text) : Text(Text) {}

  size_t skipSpace(size_t Pos) const {
    while (Pos < Text.size() && (Text[Pos] == ' ' || Text[Pos] == '\n' ||
                                 Text[Pos] == '\r' || Text[Pos] == '\t'))
      ++Pos;
    return Pos;
  }

  /// The end (one past) of the value starting at \p Pos, or npos.
  size_t valueEnd(size_t Pos) const {
    if (Pos >= Text.size())
      return llvm::StringRef::npos;
    char C = Text[Pos];
    if (C == '"')
      return stringEnd(Pos);
    if (C == '[' || C == '{') {
      size_t Depth = 0;
      for (size_t I = Pos; I < Text.size(); ++I) {
        char D = Text[I];
        if (D == '"') {
          I = stringEnd(I);
          if (I == llvm::StringRef::npos)
            return I;
          --I;
        } else if (D == '[' || D == '{') {
          ++Depth;
        } else if (D == ']' || D == '}') {
          if (--Depth == 0)
            return I + 1;
        }
      }
      return llvm::StringRef::npos;
    }
    size_t I = Pos;
    while (I < Text.size() && !llvm::StringRef(",]} \t\r\n").contains(Text[I]))
      ++I;
    return I == Pos ? llvm::StringRef::npos : I;
  }

  /// Calls \p Member(key, value text) for each member of the object that
  /// \p Span holds; false when \p Span is not an object.
  template <typename F> bool members(llvm::StringRef Span, F Member) const {
    Scanner S(Span);
    size_t P = S.skipSpace(0);
    if (P >= Span.size() || Span[P] != '{')
      return false;
    P = S.skipSpace(P + 1);
    if (P < Span.size() && Span[P] == '}')
      return true;
    while (P < Span.size()) {
      size_t KeyEnd = S.valueEnd(P);
      if (Span[P] != '"' || KeyEnd == llvm::StringRef::npos)
        return false;
      auto Key = llvm::json::parse(Span.slice(P, KeyEnd));
      if (!Key) {
        llvm::consumeError(Key.takeError());
        return false;
      }
      P = S.skipSpace(KeyEnd);
      if (P >= Span.size() || Span[P] != ':')
        return false;
      P = S.skipSpace(P + 1);
      size_t End = S.valueEnd(P);
      if (End == llvm::StringRef::npos)
        return false;
      Member(Key->getAsString().value_or(""), Span.slice(P, End), P, End);
      P = S.skipSpace(End);
      if (P < Span.size() && Span[P] == ',') {
        P = S.skipSpace(P + 1);
        continue;
      }
      return P < Span.size() && Span[P] == '}';
    }
    return false;
  }

  /// Calls \p Element(text) for each element of the array \p Span holds;
  /// false when \p Span is not an array.
  template <typename F> bool elements(llvm::StringRef Span, F Element) const {
    Scanner S(Span);
    size_t P = S.skipSpace(0);
    if (P >= Span.size() || Span[P] != '[')
      return false;
    P = S.skipSpace(P + 1);
    if (P < Span.size() && Span[P] == ']')
      return true;
    while (P < Span.size()) {
      size_t End = S.valueEnd(P);
      if (End == llvm::StringRef::npos)
        return false;
      if (!Element(Span.slice(P, End)))
        return true; // the callback stopped the walk with an error
      P = S.skipSpace(End);
      if (P < Span.size() && Span[P] == ',') {
        P = S.skipSpace(P + 1);
        continue;
      }
      return P < Span.size() && Span[P] == ']';
    }
    return false;
  }

private:
  size_t stringEnd(size_t Pos) const {
    for (size_t I = Pos + 1; I < Text.size(); ++I) {
      if (Text[I] == '\\')
        ++I;
      else if (Text[I] == '"')
        return I + 1;
    }
    return llvm::StringRef::npos;
  }

  llvm::StringRef Text;
};

/// The first location of a result: file, line, column (empty, 0, 0 when
/// it has none).
struct FirstLocation {
  llvm::StringRef Uri;
  int64_t Line = 0, Column = 0;
};

FirstLocation firstLocation(const Object &O) {
  FirstLocation F;
  if (const Array *Ls = O.getArray("locations"))
    if (!Ls->empty())
      if (const Object *L = (*Ls)[0].getAsObject())
        if (const Object *PL = L->getObject("physicalLocation")) {
          if (const Object *A = PL->getObject("artifactLocation"))
            F.Uri = A->getString("uri").value_or("");
          if (const Object *R = PL->getObject("region")) {
            F.Line = R->getInteger("startLine").value_or(0);
            F.Column = R->getInteger("startColumn").value_or(0);
          }
        }
  return F;
}

/// What makes a result unusable for a code-scanning upload, if anything.
std::optional<std::string> resultProblem(const Object &O) {
  if (!O.getString("ruleId"))
    return "it has no \"ruleId\" string";
  const Object *M = O.getObject("message");
  if (!M || !M->getString("text"))
    return "it has no \"message\" with a \"text\"";
  if (const Value *Ls = O.get("locations")) {
    const Array *A = Ls->getAsArray();
    if (!A)
      return "its \"locations\" is not an array";
    for (const Value &L : *A) {
      const Object *LO = L.getAsObject();
      if (!LO)
        return "a location is not an object";
      if (const Value *PL = LO->get("physicalLocation"))
        if (!PL->getAsObject())
          return "a \"physicalLocation\" is not an object";
    }
  }
  return std::nullopt;
}

/// Calls \p Add on each element of the array \p Span holds, stopping at
/// the first error; \p Member names the array in the error when \p Span is
/// not one.
llvm::Error
eachElement(llvm::StringRef Span, llvm::StringRef Where, llvm::StringRef Member,
            llvm::function_ref<llvm::Error(llvm::StringRef, size_t)> Add) {
  std::optional<std::string> Failure;
  size_t I = 0;
  bool IsArray = Scanner(Span).elements(Span, [&](llvm::StringRef Element) {
    if (llvm::Error E = Add(Element, I++))
      Failure = llvm::toString(std::move(E));
    return !Failure;
  });
  if (Failure)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), *Failure);
  if (!IsArray)
    return malformed(Where, "\"" + Member + "\" is not an array");
  return llvm::Error::success();
}

} // namespace

llvm::Error SarifMerger::add(llvm::StringRef Text, llvm::StringRef Name) {
  if (auto Deep = nestingProblem(Text, TextSyntax::Json))
    return malformed(Name, "not usable JSON: " + *Deep);
  Scanner S(Text);
  std::optional<Value> Version;
  std::optional<llvm::StringRef> Runs;
  bool Valid = S.members(
      Text, [&](llvm::StringRef Key, llvm::StringRef V, size_t, size_t) {
        if (Key == "version") {
          if (auto P = llvm::json::parse(V))
            Version = std::move(*P);
          else
            llvm::consumeError(P.takeError());
        } else if (Key == "runs") {
          Runs = V;
        }
      });
  // Anything after the root value makes the text invalid JSON too.
  if (Valid) {
    size_t End = S.skipSpace(S.valueEnd(S.skipSpace(0)));
    Valid = End == Text.size();
  }
  if (!Valid)
    return malformed(Name, "not JSON (a SARIF log is one JSON object)");
  if (!Version || Version->getAsString() != llvm::StringRef("2.1.0") || !Runs)
    return malformed(Name, "not a SARIF 2.1.0 log");
  return eachElement(*Runs, Name, "runs", [&](llvm::StringRef Run, size_t I) {
    return addRun(Run, llvm::formatv("{0}: run {1}", Name, I).str());
  });
}

llvm::Error SarifMerger::addRun(llvm::StringRef RunText,
                                llvm::StringRef Where) {
  Scanner S(RunText);
  std::optional<std::pair<size_t, size_t>> ResultsAt;
  if (!S.members(RunText, [&](llvm::StringRef Key, llvm::StringRef,
                              size_t Begin, size_t End) {
        if (Key == "results")
          ResultsAt = {Begin, End};
      }))
    return malformed(Where, "not an object");
  // The run without its results is small: parse it whole.
  std::string Skeleton = ResultsAt
                             ? (RunText.take_front(ResultsAt->first) + "[]" +
                                RunText.drop_front(ResultsAt->second))
                                   .str()
                             : RunText.str();
  auto Parsed = llvm::json::parse(Skeleton);
  if (!Parsed)
    return malformed(Where, "not JSON: " + llvm::toString(Parsed.takeError()));
  Object *RunObj = Parsed->getAsObject();
  const Object *Tool = RunObj ? RunObj->getObject("tool") : nullptr;
  const Object *Driver = Tool ? Tool->getObject("driver") : nullptr;
  if (!Driver || Driver->getString("name") != llvm::StringRef("kstidy"))
    return malformed(Where, "not made by kstidy");
  if (!Run) {
    // Rebuilt member by member rather than copied and erased from: a
    // json::Object copied after an erase once read a tombstone bucket as a
    // value (found by fuzzing, in builds with sanitizers).
    Run.emplace();
    for (const auto &[Key, V] : *RunObj)
      if (Key != "invocations")
        Run->try_emplace(Key, V);
  }
  // Each shard's notices (and failure) carry over into one invocation.
  if (const Array *Invs = RunObj->getArray("invocations"))
    for (const Value &Inv : *Invs)
      if (const Object *I = Inv.getAsObject()) {
        Successful &= I->getBoolean("executionSuccessful").value_or(true);
        if (const Array *Ns = I->getArray("toolExecutionNotifications"))
          for (const Value &N : *Ns)
            Notifications.push_back(N);
      }
  if (const Array *Rs = Driver->getArray("rules"))
    for (const Value &R : *Rs)
      if (const Object *O = R.getAsObject())
        if (auto Id = O->getString("id"); Id && !RuleIndex.count(*Id)) {
          RuleIndex[*Id] = static_cast<int64_t>(Rules.size());
          Rules.push_back(R);
        }
  if (!ResultsAt)
    return llvm::Error::success();
  llvm::StringRef ResultsText =
      RunText.slice(ResultsAt->first, ResultsAt->second);
  return eachElement(
      ResultsText, Where, "results", [&](llvm::StringRef Result, size_t I) {
        return addResult(Result,
                         llvm::formatv("{0}, result {1}", Where, I).str());
      });
}

llvm::Error SarifMerger::addResult(llvm::StringRef Text,
                                   llvm::StringRef Where) {
  auto Parsed = llvm::json::parse(Text);
  if (!Parsed)
    return malformed(Where, "not JSON: " + llvm::toString(Parsed.takeError()));
  Object *O = Parsed->getAsObject();
  if (!O)
    return malformed(Where, "not an object");
  if (auto Problem = resultProblem(*O))
    return malformed(Where, *Problem);
  if (const Object *FP = O->getObject("partialFingerprints"))
    if (auto Key = FP->getString("kstidyFingerprint/v1"))
      if (!Fingerprints.insert(Key->str()).second)
        return llvm::Error::success(); // another shard reported it
  FirstLocation At = firstLocation(*O);
  // resultProblem has seen both strings.
  llvm::StringRef RuleId = O->getString("ruleId").value_or("");
  llvm::StringRef Message =
      O->getObject("message")->getString("text").value_or("");
  Result R{intern(At.Uri),
           At.Line,
           At.Column,
           intern(RuleId),
           llvm::xxh3_64bits(Message),
           {}};
  O->erase("ruleIndex"); // the merged rules have indices of their own
  std::string Compact = llvm::formatv("{0}", *Parsed).str();
  R.Json.assign(Compact.data(), Compact.size()); // no spare capacity kept
  Results.push_back(std::move(R));
  return llvm::Error::success();
}

const std::string *SarifMerger::intern(llvm::StringRef S) {
  auto It = Strings.find(S);
  if (It == Strings.end())
    It = Strings.insert(S.str()).first;
  return &*It;
}

llvm::Error SarifMerger::write(llvm::raw_ostream &OS) {
  if (!Run)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "no runs to merge");
  // Deterministic order whatever the shard order: by location, then rule.
  auto Key = [](const Result &R) {
    return std::make_tuple(llvm::StringRef(*R.Uri), R.Line, R.Column,
                           llvm::StringRef(*R.RuleId), R.MessageHash);
  };
  std::stable_sort(
      Results.begin(), Results.end(),
      [&](const Result &A, const Result &B) { return Key(A) < Key(B); });
  Object RunOut = *Run;
  RunOut["results"] = Array();
  Array NoticesOut = Notifications, RulesOut = Rules;
  RunOut["invocations"] =
      Array{Object{{"executionSuccessful", Successful},
                   {"toolExecutionNotifications", std::move(NoticesOut)}}};
  if (Object *Tool = RunOut.getObject("tool"))
    if (Object *Driver = Tool->getObject("driver"))
      (*Driver)["rules"] = std::move(RulesOut);
  std::vector<llvm::StringRef> Keys;
  for (const auto &KV : RunOut)
    Keys.push_back(KV.first);
  llvm::sort(Keys);

  llvm::json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attribute("version", "2.1.0");
    J.attributeArray("runs", [&] {
      J.object([&] {
        for (llvm::StringRef Key : Keys) {
          if (Key != "results") {
            J.attribute(Key, *RunOut.get(Key));
            continue;
          }
          J.attributeArray("results", [&] {
            for (const Result &R : Results) {
              auto Index = RuleIndex.find(*R.RuleId);
              if (Index == RuleIndex.end()) {
                J.rawValue(R.Json);
                continue;
              }
              // The compact object with the merged ruleIndex appended.
              llvm::StringRef Body = llvm::StringRef(R.Json).drop_back();
              J.rawValue(Body.str() + (Body.ends_with("{") ? "" : ",") +
                         "\"ruleIndex\":" + std::to_string(Index->second) +
                         "}");
            }
          });
        }
      });
    });
  });
  OS << "\n";
  return llvm::Error::success();
}

} // namespace ks
