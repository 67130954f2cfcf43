import { session } from './session';

// Imported first by main.tsx, so the refresh that restores a session after a reload leaves before React, Mantine
// and the catalogues are evaluated, and its round trip overlaps theirs.
void session.refresh();
