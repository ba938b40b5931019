#!/usr/bin/env bash
# Publish a built site to object storage behind a CDN (S3, R2, B2, GCS, Azure, or any rclone remote), for an archive
# that outgrows GitHub Pages (a site over 1 GB, or more files than a host accepts). See docs/maintaining.md,
# "Publishing to object storage".
#
#   scripts/publish-rclone.sh _site remote:bucket/path
#
# Files are compared by checksum, not time: every CI build writes the files anew, and only what changed is sent.
# In two passes, so that a reader never gets a page whose files are not there yet: first every new or changed file
# but the pages, then the pages, and only then are the files the new site no longer has deleted.
set -euo pipefail
if [ "$#" -ne 2 ] || [ ! -d "$1" ]; then
  echo "usage: $0 SITE_FOLDER REMOTE:BUCKET/PATH" >&2
  exit 2
fi
site=$1
dest=$2
rclone copy --verbose --checksum --exclude "*.html" "$site" "$dest"
rclone sync --verbose --checksum --delete-after "$site" "$dest"
