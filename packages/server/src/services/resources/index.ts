import type { Resource } from '../resource.ts';
import { agreements } from './agreements.ts';
import { claims } from './claims.ts';
import { distributions } from './distributions.ts';
import { meetings } from './meetings.ts';
import { persons } from './persons.ts';
import { pledges } from './pledges.ts';
import { populationMovements } from './population-movements.ts';
import { registryResources } from './registry.ts';
import { shipments } from './shipments.ts';
import { sources } from './sources.ts';

/** Every resource served by the generic routes (CRUD, lists, status events). */
export const allResources: Resource[] = [
  ...registryResources,
  populationMovements as Resource,
  meetings as Resource,
  agreements as Resource,
  pledges as Resource,
  shipments as Resource,
  distributions as Resource,
  persons as Resource,
  sources as Resource,
  claims as Resource,
];
