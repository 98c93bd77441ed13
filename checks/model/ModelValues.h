//===- ModelValues.h - Values the model reads out of driver tables --------===//
//
// The small values every domain of the KS model is made of: a constant the
// driver wrote in a table, the GUID that names a set, and a handler slot.
// Each keeps the expression it came from, so that findings point at it.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_MODELVALUES_H
#define KSTIDY_CHECKS_MODEL_MODELVALUES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Type.h"
#include <optional>
#include <string>

namespace ks {
namespace model {

/// A constant the driver wrote in a table, with where it was written.
struct TableValue {
  const clang::Expr *Expr = nullptr; ///< null when the field was omitted
  std::optional<uint64_t> Value;     ///< when constant (an omitted field is 0)
  /// The expression has errors (RecoveryExpr, an invalid declaration): the
  /// value is unknown and no check may judge it.
  bool Unresolved = false;

  /// Written, but its value is not known: not a constant, or has errors.
  bool unknown() const { return Unresolved || (Expr && !Value); }
  /// The enumerator the driver named (KSPROPERTY_PIN_CINSTANCES), or empty
  /// when the value was written some other way.
  std::string enumeratorName() const;
};

/// A pointer member of a descriptor and the count member beside it
/// (PinCount/Pins, DataRangesCount/DataRanges ...), with what the pointer
/// designates when that is visible in the translation unit.
struct CountedArray {
  llvm::StringRef CountField; ///< "PinCount"
  llvm::StringRef ArrayField; ///< "Pins"
  TableValue Count;
  const clang::Expr *ArrayExpr = nullptr; ///< null when omitted
  bool Null = false;                      ///< NULL, 0 or omitted
  /// The variable the pointer designates (`Pins`, `&Pins[0]`, `&Category`),
  /// when it names one; its declaration in this TU, maybe without a bound.
  const clang::VarDecl *Array = nullptr;
  /// The number of elements the pointer reaches: the array's bound, 1 for
  /// `&Object`; unknown for an array declared without a bound here (its
  /// definition is in another file) or anything else.
  std::optional<uint64_t> Length;
  /// The element type the pointer designates (the array's element, or the
  /// object's type), when known.
  clang::QualType ElementType;
  /// The pointer member's expression has errors: nothing about it is known.
  bool Unresolved = false;
};

/// A GUID as the driver names it: the variable (KSPROPSETID_Pin) and, when
/// its initializer is visible, its value.
struct GuidRef {
  const clang::Expr *Expr = nullptr;
  const clang::ValueDecl *Decl = nullptr; ///< canonical
  std::string Name;  ///< the variable's name, or the expression's text
  std::string Value; ///< "{8c134960-51ad-11cf-878a-94f801c10000}" or empty
  bool IsNull = false;
  bool Unresolved = false; ///< the expression has errors: an unknown set

  bool known() const { return !Unresolved && (Decl || !Value.empty()); }
  /// The same set: by value when both values are known, else by variable.
  bool sameAs(const GuidRef &O) const;
};

/// A handler slot of an item: a function, some other non-null value (a
/// BOOLEAN GetSupported, a function pointer variable), or nothing.
struct HandlerRef {
  const clang::Expr *Expr = nullptr;
  const clang::FunctionDecl *Function = nullptr; ///< canonical, when named
  bool Present = false; ///< anything but NULL/0/omitted
  /// The expression has errors (a function whose prototype did not parse):
  /// present, but nothing about it is known.
  bool Unresolved = false;

  /// "GetValue<long long>", "<unresolved>", "<expression>" or "NULL".
  std::string name() const;
};

} // namespace model
} // namespace ks

#endif
