// Imported for its side effect before the native module, so the check runs first.
import { nodeVersionProblem, UnsupportedNodeError } from './node-version';

const problem = nodeVersionProblem(process.versions.node);
if (problem) throw new UnsupportedNodeError(problem);
