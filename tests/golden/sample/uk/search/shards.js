// The shards of the search index, written by the build once they are made: static/search.js loads them.
window.warcrimeArchiveSearchShards = ["../pagefind/2022-03-30-dmytrivka-wounded-soldier-shot/"];
