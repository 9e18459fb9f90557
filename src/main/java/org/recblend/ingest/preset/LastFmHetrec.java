package org.recblend.ingest.preset;

import static org.recblend.ingest.preset.PresetFiles.named;

import java.nio.file.Path;
import java.util.List;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.ImportException;
import org.recblend.ingest.ImportJob;
import org.recblend.ingest.ImportSpec;
import org.recblend.ingest.ValueLookup;
import org.recblend.ingest.read.FileFormat;

/**
 * HetRec 2011 Last.fm: play counts, artist names, the friend graph and tag assignments whose tag
 * ids are looked up in tags.dat (which has a few Latin-1 lines; its encoding is detected).
 */
final class LastFmHetrec implements Preset {

    @Override
    public String id() {
        return "lastfm-hetrec";
    }

    @Override
    public String description() {
        return "user_artists.dat (play counts), artists.dat (names), user_friends.dat (friends) and"
                + " user_taggedartists.dat with tag names from tags.dat (TAB-separated with headers)";
    }

    @Override
    public List<ImportJob> parts(Path folder, String dataset) throws ImportException {
        Path listens = PresetFiles.require(folder, "user_artists.dat", this);
        Path artists = PresetFiles.require(folder, "artists.dat", this);
        Path friends = PresetFiles.require(folder, "user_friends.dat", this);
        Path tagged = PresetFiles.require(folder, "user_taggedartists.dat", this);
        PresetFiles.require(folder, "tags.dat", this);
        FileFormat tsv = FileFormat.tsv(true); // no quoting: artist names contain stray quotes
        ValueLookup tagNames = ValueLookup.byName("tags.dat", tsv, "tagID", "tagValue");
        return List.of(
                new ImportJob(ImportSpec.of(dataset, "listens", SourceKind.BEHAVIOUR, tsv, List.of(
                        named("userID", ColumnRole.USER_ID), named("artistID", ColumnRole.ITEM_ID),
                        named("weight", ColumnRole.RATING))).withKindLabel("listen"), listens),
                PresetFiles.job(dataset, "artists", SourceKind.ITEM_CONTENT, tsv, artists, List.of(
                        named("id", ColumnRole.ITEM_ID), named("name", ColumnRole.ITEM_TEXT),
                        named("url", ColumnRole.IGNORE), named("pictureURL", ColumnRole.IGNORE))),
                new ImportJob(ImportSpec.of(dataset, "friends", SourceKind.SOCIAL, tsv, List.of(
                        named("userID", ColumnRole.SOCIAL_SOURCE), named("friendID", ColumnRole.SOCIAL_TARGET)))
                        .withKindLabel("friend"), friends),
                new ImportJob(ImportSpec.of(dataset, "tags", SourceKind.USER_ITEM_TEXT, tsv, List.of(
                        named("userID", ColumnRole.USER_ID), named("artistID", ColumnRole.ITEM_ID),
                        named("tagID", ColumnRole.USER_ITEM_TEXT).withLookup(tagNames),
                        named("day", ColumnRole.DATE_DAY), named("month", ColumnRole.DATE_MONTH),
                        named("year", ColumnRole.DATE_YEAR))).withKindLabel("tag"), tagged));
    }
}
