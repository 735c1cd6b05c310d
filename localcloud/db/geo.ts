/**
 * Geo queries mingo lacks (spec §3.4 gap 1): $nearSphere/$near, $geoWithin, $geoIntersects and the
 * $geoNear aggregation stage. Distances are great-circle (haversine) on MongoDB's earth radius;
 * polygon containment and segment intersection are computed in the lng/lat plane, which is exact
 * for points-in-polygon tests at the scales a school app uses (a campus, a city).
 */
import { CloudError, DbErrorCode } from '../errors';
import { isPlainObject } from './ejson';
import { resolvePath } from './paths';

/** MongoDB's radius for radians ↔ metres ($centerSphere, 2dsphere distances). */
export const EARTH_RADIUS_M = 6378100;

export type Position = [number, number]; // [lng, lat]

/** A geometry flattened into the parts the predicates need. */
interface Shape {
  points: Position[];
  segments: [Position, Position][];
  polygons: Position[][][]; // each polygon: outer ring first, then holes
}

function badGeo(message: string): CloudError {
  return new CloudError(DbErrorCode.REQUEST_FAILED, message);
}

function isPosition(v: unknown): v is Position {
  return Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number';
}

function ringSegments(ring: Position[]): [Position, Position][] {
  const segs: [Position, Position][] = [];
  for (let i = 0; i + 1 < ring.length; i++) segs.push([ring[i], ring[i + 1]]);
  return segs;
}

/** GeoJSON object or legacy [lng, lat] pair → Shape; anything else → null (not a geometry). */
export function toShape(value: unknown): Shape | null {
  if (isPosition(value)) return { points: [value], segments: [], polygons: [] };
  if (!isPlainObject(value) || typeof value.type !== 'string') return null;
  const c = value.coordinates as unknown;
  const shape: Shape = { points: [], segments: [], polygons: [] };
  const addLine = (line: unknown) => {
    if (!Array.isArray(line) || !line.every(isPosition)) throw badGeo('invalid GeoJSON LineString');
    shape.points.push(...line);
    shape.segments.push(...ringSegments(line));
  };
  const addPolygon = (rings: unknown) => {
    if (!Array.isArray(rings) || rings.length === 0) throw badGeo('invalid GeoJSON Polygon');
    const poly: Position[][] = [];
    for (const ring of rings) {
      if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) throw badGeo('invalid GeoJSON Polygon ring');
      poly.push(ring);
      shape.points.push(...ring);
      shape.segments.push(...ringSegments(ring));
    }
    shape.polygons.push(poly);
  };
  switch (value.type) {
    case 'Point':
      if (!isPosition(c)) throw badGeo('invalid GeoJSON Point');
      shape.points.push(c);
      break;
    case 'MultiPoint':
      if (!Array.isArray(c) || !c.every(isPosition)) throw badGeo('invalid GeoJSON MultiPoint');
      shape.points.push(...c);
      break;
    case 'LineString':
      addLine(c);
      break;
    case 'MultiLineString':
      if (!Array.isArray(c)) throw badGeo('invalid GeoJSON MultiLineString');
      c.forEach(addLine);
      break;
    case 'Polygon':
      addPolygon(c);
      break;
    case 'MultiPolygon':
      if (!Array.isArray(c)) throw badGeo('invalid GeoJSON MultiPolygon');
      c.forEach(addPolygon);
      break;
    default:
      return null;
  }
  return shape;
}

const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres. */
export function haversine(a: Position, b: Position): number {
  const dLat = toRad(b[1] - a[1]);
  const dLng = toRad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a[1])) * Math.cos(toRad(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

const EPS = 1e-12;

function cross(o: Position, a: Position, b: Position): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function onSegment(p: Position, [a, b]: [Position, Position]): boolean {
  return (
    Math.abs(cross(a, b, p)) <= EPS &&
    p[0] >= Math.min(a[0], b[0]) - EPS && p[0] <= Math.max(a[0], b[0]) + EPS &&
    p[1] >= Math.min(a[1], b[1]) - EPS && p[1] <= Math.max(a[1], b[1]) + EPS
  );
}

function segmentsIntersect(s: [Position, Position], t: [Position, Position]): boolean {
  const [p1, p2] = s;
  const [p3, p4] = t;
  const d1 = cross(p3, p4, p1);
  const d2 = cross(p3, p4, p2);
  const d3 = cross(p1, p2, p3);
  const d4 = cross(p1, p2, p4);
  if (((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS)) && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS))) return true;
  return onSegment(p1, t) || onSegment(p2, t) || onSegment(p3, s) || onSegment(p4, s);
}

/** Ray casting; a point on the boundary counts as inside (MongoDB includes the boundary). */
function inRing(p: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (onSegment(p, [ring[j], ring[i]])) return true;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(p: Position, poly: Position[][]): boolean {
  if (!inRing(p, poly[0])) return false;
  for (let h = 1; h < poly.length; h++) {
    const hole = poly[h];
    if (inRing(p, hole) && !ringSegments(hole).some((s) => onSegment(p, s))) return false;
  }
  return true;
}

function pointTouches(p: Position, shape: Shape): boolean {
  return (
    shape.points.some((q) => Math.abs(q[0] - p[0]) <= EPS && Math.abs(q[1] - p[1]) <= EPS) ||
    shape.segments.some((s) => onSegment(p, s)) ||
    shape.polygons.some((poly) => inPolygon(p, poly))
  );
}

export function shapesIntersect(a: Shape, b: Shape): boolean {
  if (a.points.some((p) => pointTouches(p, b))) return true;
  if (b.points.some((p) => pointTouches(p, a))) return true;
  return a.segments.some((s) => b.segments.some((t) => segmentsIntersect(s, t)));
}

/** The query side of $geoWithin: a region that can say whether a position lies in it. */
type Region = (p: Position) => boolean;

function parseRegion(spec: unknown): Region {
  if (!isPlainObject(spec)) throw badGeo('$geoWithin needs an object');
  if ('$geometry' in spec) {
    const shape = toShape(spec.$geometry);
    if (!shape || shape.polygons.length === 0) throw badGeo('$geoWithin $geometry must be a Polygon or MultiPolygon');
    return (p) => shape.polygons.some((poly) => inPolygon(p, poly));
  }
  if ('$centerSphere' in spec) {
    const cs = spec.$centerSphere;
    const center = Array.isArray(cs) ? toCenter(cs[0]) : null;
    const radius = Array.isArray(cs) ? cs[1] : undefined;
    if (!center || typeof radius !== 'number') throw badGeo('$centerSphere needs [[lng, lat], radiusInRadians]');
    return (p) => haversine(center, p) <= radius * EARTH_RADIUS_M + 1e-6;
  }
  if ('$box' in spec) {
    const box = spec.$box;
    if (!Array.isArray(box) || !isPosition(box[0]) || !isPosition(box[1])) throw badGeo('$box needs [[x1, y1], [x2, y2]]');
    const [[x1, y1], [x2, y2]] = box as [Position, Position];
    return (p) => p[0] >= Math.min(x1, x2) && p[0] <= Math.max(x1, x2) && p[1] >= Math.min(y1, y2) && p[1] <= Math.max(y1, y2);
  }
  if ('$polygon' in spec) {
    const pts = spec.$polygon;
    if (!Array.isArray(pts) || pts.length < 3 || !pts.every(isPosition)) throw badGeo('$polygon needs at least 3 points');
    const ring = [...pts, pts[0]] as Position[];
    return (p) => inRing(p, ring);
  }
  throw new CloudError(DbErrorCode.INVALID_OPERATOR, `unsupported $geoWithin shape: ${Object.keys(spec).join(',')}`);
}

function toCenter(v: unknown): Position | null {
  if (isPosition(v)) return v;
  const shape = toShape(v);
  return shape && shape.points.length === 1 && shape.segments.length === 0 ? shape.points[0] : null;
}

/** Parsed `$nearSphere`/`$near` argument. */
export interface NearSpec {
  center: Position;
  maxDistance: number;
  minDistance: number;
}

export function parseNear(spec: unknown): NearSpec {
  let center: Position | null = null;
  let max = Infinity;
  let min = 0;
  if (isPlainObject(spec) && '$geometry' in spec) {
    center = toCenter(spec.$geometry);
    if (typeof spec.$maxDistance === 'number') max = spec.$maxDistance;
    if (typeof spec.$minDistance === 'number') min = spec.$minDistance;
  } else {
    center = toCenter(spec);
  }
  if (!center) throw badGeo('$nearSphere needs a GeoJSON Point');
  return { center, maxDistance: max, minDistance: min };
}

/** Smallest distance (m) from the centre to any vertex of the geometries stored at `path`. */
export function distanceAt(doc: unknown, path: string, center: Position): number {
  let best = Infinity;
  for (const v of resolvePath(doc, path)) {
    const shape = toShape(v);
    if (!shape) continue;
    for (const p of shape.points) best = Math.min(best, haversine(center, p));
  }
  return best;
}

type Predicate = (doc: unknown) => boolean;

function shapesAt(doc: unknown, path: string): Shape[] {
  const out: Shape[] = [];
  for (const v of resolvePath(doc, path)) {
    try {
      const s = toShape(v);
      if (s) out.push(s);
    } catch {
      // A malformed stored geometry simply does not match (MongoDB would refuse to index it).
    }
  }
  return out;
}

/** mingo query operators: (selector, value, options) → predicate over the whole document. */
export const geoQueryOperators: Record<string, (selector: string, value: unknown, options: unknown) => Predicate> = {
  $nearSphere: (selector, value) => {
    const near = parseNear(value);
    return (doc) => {
      const d = distanceAt(doc, selector, near.center);
      return Number.isFinite(d) && d <= near.maxDistance && d >= near.minDistance;
    };
  },
  $near: (selector, value) => geoQueryOperators.$nearSphere(selector, value, undefined),
  $geoWithin: (selector, value) => {
    const region = parseRegion(value);
    return (doc) => shapesAt(doc, selector).some((s) => s.points.length > 0 && s.points.every(region));
  },
  $within: (selector, value) => geoQueryOperators.$geoWithin(selector, value, undefined),
  $geoIntersects: (selector, value) => {
    const spec = isPlainObject(value) ? toShape(value.$geometry) : null;
    if (!spec) throw badGeo('$geoIntersects needs {$geometry: GeoJSON}');
    return (doc) => shapesAt(doc, selector).some((s) => shapesIntersect(s, spec));
  },
};

/** Find a top-level `field: {$nearSphere|$near: …}` (MongoDB allows one, not under $or), for default ordering. */
export function findNearClause(query: unknown): { path: string; near: NearSpec } | null {
  if (!isPlainObject(query)) return null;
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const sub of v) {
        const found = findNearClause(sub);
        if (found) return found;
      }
    } else if (!k.startsWith('$') && isPlainObject(v)) {
      const spec = v.$nearSphere ?? v.$near;
      if (spec !== undefined) return { path: k, near: parseNear(spec) };
    }
  }
  return null;
}

/** The geo key used by $geoNear without `key`: the first field holding a GeoJSON value. */
export function guessGeoKey(docs: Iterable<Record<string, unknown>>): string | null {
  for (const doc of docs) {
    for (const [k, v] of Object.entries(doc)) {
      if (isPlainObject(v) && typeof v.type === 'string' && Array.isArray(v.coordinates)) return k;
    }
  }
  return null;
}
