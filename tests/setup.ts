// IndexedDB for Node unit tests; the browser tests use Chromium's real one.
import 'fake-indexeddb/auto'
