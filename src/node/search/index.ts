// Search over the record: what to index of an event, the indexer that keeps it current, the API.
export { searchFieldsOf, languageOf, STARTING_FORMS, type SearchFields } from './search-text.js';
export { SearchIndexer, type IndexedLink, type SearchIndexerComponents } from './search-indexer.js';
export { registerSearch, type SearchContext } from './search-routes.js';
