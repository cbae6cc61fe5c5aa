/**
 * Keeps one object of a class alive for good. V8 forgets the shape (hidden class) of a class's
 * objects once a full garbage collection finds none of them left, and throws away all code it
 * optimised for that shape. In the compare worker, which lives on between comparisons, every
 * comparison after a full collection therefore began in unoptimised code and took about twice as
 * long (issue 7's benchmark, which forces a collection before each timed run, saw exactly that:
 * `node --trace-deopt` names the writer's functions "deoptimizing … reason: weak objects"). One
 * object that never dies keeps the shape, and the optimised code with it.
 */
const keptObjects: object[] = [];

/** Keeps `object` (a small, empty instance) for the life of the thread. */
export function keepShape(object: object): void {
  keptObjects.push(object);
}
