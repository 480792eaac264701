// Each command module beyond list/who/watch registers itself on import (see ../registry.ts).
// One import line per module keeps this file a table of contents.
import './serve';
import './report';
import './scan';
import './probe';
import './diagnose';
export {};
