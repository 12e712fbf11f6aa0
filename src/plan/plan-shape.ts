// The shape (shape.ts) of the plan schema, which checks a plan that has nothing wrong without zod.
// Read off the schema on first use when running from source; the build puts the shape itself in
// place of this module (scripts/build.mjs), so that a valid plan never builds the zod schema.
import { planSchemas } from './schema.js';
import { shapeOf } from './shape-of.js';
import type { ShapeTable } from './shape.js';

let shape: ShapeTable | undefined;
export const planShape = (): ShapeTable => (shape ??= shapeOf(planSchemas().PlanSchema));
