//===- MsBuildCondition.cpp - Condition="..." evaluation ------------------===//
//
// MSBuild conditions in three-valued logic: what cannot be known without
// Windows (the toolset's properties, the environment) is Unknown, and an
// Unknown condition is not applied. Written from Microsoft's public MSBuild
// documentation (docs/msbuild.md).
//
//===----------------------------------------------------------------------===//
#include "MsBuildEvaluation.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"

namespace ks::msbuild {

using namespace detail;

namespace {

Truth notT(Truth T) {
  return T == Truth::Unknown ? T
         : T == Truth::True  ? Truth::False
                             : Truth::True;
}

class ConditionParser {
public:
  ConditionParser(StringRef Text, const Expander &E, StringRef BaseDir)
      : Text(Text), E(E), BaseDir(BaseDir) {}

  Truth run() {
    Truth T = orExpr();
    skipSpace();
    if (Failed || Pos != Text.size())
      return Truth::Unknown;
    return T;
  }

private:
  struct Operand {
    std::string Value;
    bool Known = true;
  };

  StringRef Text;
  const Expander &E;
  StringRef BaseDir;
  size_t Pos = 0;
  bool Failed = false;

  void skipSpace() {
    while (Pos < Text.size() && llvm::isSpace(Text[Pos]))
      ++Pos;
  }
  bool consumeWord(StringRef W) {
    skipSpace();
    StringRef Rest = Text.drop_front(Pos);
    if (Rest.size() >= W.size() &&
        Rest.take_front(W.size()).equals_insensitive(W) &&
        (Rest.size() == W.size() || !isNameChar(Rest[W.size()]))) {
      Pos += W.size();
      return true;
    }
    return false;
  }
  bool consume(StringRef S) {
    skipSpace();
    if (Text.drop_front(Pos).starts_with(S)) {
      Pos += S.size();
      return true;
    }
    return false;
  }

  /// Three-valued `and`/`or`: the absorbing value (False for and, True for
  /// or) decides alone; otherwise an unknown side makes the whole unknown.
  static Truth combine(Truth L, Truth R, Truth Absorbing) {
    if (L == Absorbing || R == Absorbing)
      return Absorbing;
    if (L == Truth::Unknown || R == Truth::Unknown)
      return Truth::Unknown;
    return Absorbing == Truth::True ? Truth::False : Truth::True;
  }
  Truth orExpr() {
    Truth L = andExpr();
    while (!Failed && consumeWord("or"))
      L = combine(L, andExpr(), Truth::True);
    return L;
  }
  Truth andExpr() {
    Truth L = notExpr();
    while (!Failed && consumeWord("and"))
      L = combine(L, notExpr(), Truth::False);
    return L;
  }
  Truth notExpr() {
    skipSpace();
    if (Pos < Text.size() && Text[Pos] == '!' &&
        !(Pos + 1 < Text.size() && Text[Pos + 1] == '=')) {
      ++Pos;
      return notT(notExpr());
    }
    return primary();
  }

  Truth primary() {
    skipSpace();
    if (consume("(")) {
      Truth T = orExpr();
      if (!consume(")"))
        Failed = true;
      return T;
    }
    // A function call: Name( ... ).
    size_t Start = Pos;
    while (Pos < Text.size() && isNameChar(Text[Pos]))
      ++Pos;
    StringRef Name = Text.slice(Start, Pos);
    size_t AfterName = Pos;
    if (!Name.empty() && consume("(")) {
      std::vector<Operand> Args;
      if (!consume(")")) {
        do
          Args.push_back(operand());
        while (!Failed && consume(","));
        if (!consume(")"))
          Failed = true;
      }
      return call(Name, Args);
    }
    Pos = Start;
    (void)AfterName;
    Operand L = operand();
    if (Failed)
      return Truth::Unknown;
    skipSpace();
    for (StringRef Op : {"==", "!=", "<=", ">=", "<", ">"}) {
      if (consume(Op)) {
        Operand R = operand();
        return compare(L, Op, R);
      }
    }
    // A lone operand: a boolean.
    if (!L.Known)
      return Truth::Unknown;
    StringRef V = StringRef(L.Value).trim();
    if (V.equals_insensitive("true") || V.equals_insensitive("on") ||
        V.equals_insensitive("yes"))
      return Truth::True;
    if (V.equals_insensitive("false") || V.equals_insensitive("off") ||
        V.equals_insensitive("no"))
      return Truth::False;
    return Truth::Unknown;
  }

  Operand operand() {
    skipSpace();
    Operand O;
    std::string Raw;
    if (Pos < Text.size() && Text[Pos] == '\'') {
      size_t End = Text.find('\'', Pos + 1);
      if (End == StringRef::npos) {
        Failed = true;
        return O;
      }
      Raw = Text.slice(Pos + 1, End).str();
      Pos = End + 1;
    } else {
      size_t Start = Pos;
      while (Pos < Text.size()) {
        char C = Text[Pos];
        if ((C == '$' || C == '@' || C == '%') && Pos + 1 < Text.size() &&
            Text[Pos + 1] == '(') {
          size_t Close = matchingParen(Text, Pos + 1);
          if (Close == StringRef::npos) {
            Failed = true;
            return O;
          }
          Pos = Close + 1;
          continue;
        }
        if (llvm::isSpace(C) || StringRef("()=!<>,'").contains(C))
          break;
        ++Pos;
      }
      if (Pos == Start) {
        Failed = true;
        return O;
      }
      Raw = Text.slice(Start, Pos).str();
    }
    O.Value = E.expand(Raw);
    O.Known = !hasUnexpanded(O.Value);
    return O;
  }

  static std::optional<double> number(StringRef S) {
    S = S.trim();
    if (S.empty())
      return std::nullopt;
    uint64_t Hex;
    if (S.starts_with_insensitive("0x") &&
        !S.drop_front(2).getAsInteger(16, Hex))
      return double(Hex);
    double D;
    if (!S.getAsDouble(D))
      return D;
    return std::nullopt;
  }

  Truth compare(const Operand &L, StringRef Op, const Operand &R) {
    if (!L.Known || !R.Known)
      return Truth::Unknown;
    auto B = [](bool V) { return V ? Truth::True : Truth::False; };
    if (Op == "==" || Op == "!=") {
      bool Eq = StringRef(L.Value).equals_insensitive(R.Value);
      if (!Eq) {
        auto LN = number(L.Value), RN = number(R.Value);
        Eq = LN && RN && *LN == *RN;
      }
      return B(Op == "==" ? Eq : !Eq);
    }
    auto LN = number(L.Value), RN = number(R.Value);
    if (!LN || !RN)
      return Truth::Unknown;
    if (Op == "<")
      return B(*LN < *RN);
    if (Op == ">")
      return B(*LN > *RN);
    if (Op == "<=")
      return B(*LN <= *RN);
    return B(*LN >= *RN);
  }

  Truth call(StringRef Name, const std::vector<Operand> &Args) {
    if (Args.size() != 1 || !Args[0].Known)
      return Truth::Unknown;
    StringRef Arg = StringRef(Args[0].Value).trim();
    if (Name.equals_insensitive("Exists")) {
      if (Arg.empty())
        return Truth::False;
      if (isWindowsAbsolute(Arg))
        return Truth::Unknown;
      return llvm::sys::fs::exists(resolvePath(Arg, BaseDir)) ? Truth::True
                                                              : Truth::False;
    }
    if (Name.equals_insensitive("HasTrailingSlash"))
      return Arg.ends_with("/") || Arg.ends_with("\\") ? Truth::True
                                                       : Truth::False;
    return Truth::Unknown;
  }
};

} // namespace

Truth evaluateCondition(StringRef Condition, const Expander &E,
                        StringRef BaseDir) {
  if (Condition.trim().empty())
    return Truth::True;
  return ConditionParser(Condition, E, BaseDir).run();
}

} // namespace ks::msbuild
