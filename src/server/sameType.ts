// A compile-time check that a schema's inferred type is exactly the type of the contract it validates:
// `const check: Equal<z.infer<typeof schema>, Type> = true` fails to compile when the two drift apart.

export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
