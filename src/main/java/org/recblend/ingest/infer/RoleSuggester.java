package org.recblend.ingest.infer;

import static org.recblend.domain.ColumnRole.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.SpecValidator;

/**
 * Suggests column roles from header names (userId, movieId, rating, genres, ...) and, for files
 * without a header, from the values; then the source kind the roles add up to.
 */
public final class RoleSuggester {
    private static final Map<String, ColumnRole> BY_NAME = Map.ofEntries(
            Map.entry("user", USER_ID), Map.entry("userid", USER_ID), Map.entry("uid", USER_ID),
            Map.entry("customer", USER_ID), Map.entry("customerid", USER_ID), Map.entry("reviewerid", USER_ID),
            Map.entry("visitorid", USER_ID), Map.entry("memberid", USER_ID), Map.entry("accountid", USER_ID),
            Map.entry("item", ITEM_ID), Map.entry("itemid", ITEM_ID), Map.entry("iid", ITEM_ID), Map.entry("movie", ITEM_ID),
            Map.entry("movieid", ITEM_ID), Map.entry("artist", ITEM_ID), Map.entry("artistid", ITEM_ID),
            Map.entry("product", ITEM_ID), Map.entry("productid", ITEM_ID), Map.entry("asin", ITEM_ID),
            Map.entry("book", ITEM_ID), Map.entry("bookid", ITEM_ID), Map.entry("isbn", ITEM_ID), Map.entry("track", ITEM_ID),
            Map.entry("trackid", ITEM_ID), Map.entry("song", ITEM_ID), Map.entry("songid", ITEM_ID),
            Map.entry("businessid", ITEM_ID), Map.entry("movielensid", ITEM_ID),
            Map.entry("rating", RATING), Map.entry("ratings", RATING), Map.entry("score", RATING), Map.entry("weight", RATING),
            Map.entry("count", RATING), Map.entry("playcount", RATING), Map.entry("plays", RATING), Map.entry("stars", RATING),
            Map.entry("overall", RATING), Map.entry("value", RATING), Map.entry("preference", RATING),
            Map.entry("timestamp", TIMESTAMP), Map.entry("time", TIMESTAMP), Map.entry("ts", TIMESTAMP),
            Map.entry("datetime", TIMESTAMP), Map.entry("date", TIMESTAMP), Map.entry("unixtime", TIMESTAMP),
            Map.entry("unixreviewtime", TIMESTAMP), Map.entry("when", TIMESTAMP), Map.entry("createdat", TIMESTAMP), Map.entry("eventtime", TIMESTAMP),
            Map.entry("event", EVENT_TYPE), Map.entry("eventtype", EVENT_TYPE), Map.entry("action", EVENT_TYPE),
            Map.entry("behavior", EVENT_TYPE), Map.entry("behaviour", EVENT_TYPE), Map.entry("interaction", EVENT_TYPE),
            Map.entry("genre", ITEM_CATEGORY), Map.entry("genres", ITEM_CATEGORY), Map.entry("category", ITEM_CATEGORY),
            Map.entry("categories", ITEM_CATEGORY), Map.entry("class", ITEM_CATEGORY), Map.entry("classes", ITEM_CATEGORY),
            Map.entry("title", ITEM_TEXT), Map.entry("name", ITEM_TEXT), Map.entry("plot", ITEM_TEXT),
            Map.entry("description", ITEM_TEXT), Map.entry("overview", ITEM_TEXT), Map.entry("text", ITEM_TEXT),
            Map.entry("directors", ITEM_TEXT), Map.entry("director", ITEM_TEXT), Map.entry("cast", ITEM_TEXT),
            Map.entry("keywords", ITEM_TEXT), Map.entry("brand", ITEM_ATTRIBUTE), Map.entry("price", ITEM_ATTRIBUTE),
            Map.entry("year", ITEM_ATTRIBUTE),
            Map.entry("tag", ColumnRole.USER_ITEM_TEXT), Map.entry("tagvalue", ColumnRole.USER_ITEM_TEXT),
            Map.entry("review", ColumnRole.USER_ITEM_TEXT), Map.entry("reviewtext", ColumnRole.USER_ITEM_TEXT),
            Map.entry("comment", ColumnRole.USER_ITEM_TEXT), Map.entry("summary", ITEM_TEXT),
            Map.entry("friend", SOCIAL_TARGET), Map.entry("friendid", SOCIAL_TARGET), Map.entry("trustee", SOCIAL_TARGET),
            Map.entry("target", SOCIAL_TARGET), Map.entry("targetid", SOCIAL_TARGET), Map.entry("followee", SOCIAL_TARGET),
            Map.entry("truster", SOCIAL_SOURCE), Map.entry("trustor", SOCIAL_SOURCE), Map.entry("source", SOCIAL_SOURCE),
            Map.entry("sourceid", SOCIAL_SOURCE), Map.entry("follower", SOCIAL_SOURCE),
            Map.entry("age", USER_ATTRIBUTE), Map.entry("gender", USER_ATTRIBUTE), Map.entry("sex", USER_ATTRIBUTE),
            Map.entry("occupation", USER_ATTRIBUTE), Map.entry("zip", USER_ATTRIBUTE), Map.entry("zipcode", USER_ATTRIBUTE),
            Map.entry("country", USER_ATTRIBUTE), Map.entry("city", USER_ATTRIBUTE), Map.entry("region", USER_ATTRIBUTE),
            Map.entry("segment", USER_ATTRIBUTE),
            Map.entry("url", IGNORE), Map.entry("pictureurl", IGNORE), Map.entry("imageurl", IGNORE),
            Map.entry("imdburl", IGNORE), Map.entry("link", IGNORE), Map.entry("image", IGNORE));
    private static final Set<ColumnRole> SINGLE = EnumSet.of(USER_ID, ITEM_ID, RATING, TIMESTAMP, EVENT_TYPE,
            SOCIAL_SOURCE, SOCIAL_TARGET, SOCIAL_WEIGHT, DATE_YEAR, DATE_MONTH, DATE_DAY);

    private RoleSuggester() {
    }

    /** A header name in lower case without separators ("User_ID" -> "userid"); RecBole types removed. */
    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String n = name;
        int colon = n.indexOf(':');
        if (colon > 0) {
            n = n.substring(0, colon);
        }
        return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static boolean looksLikeTime(String name) {
        String n = normalise(name);
        return BY_NAME.get(n) == TIMESTAMP || n.endsWith("time") || n.endsWith("timestamp") || n.endsWith("at") && n.length() > 4;
    }

    /** The profiles with suggested roles, consistent with the kind they add up to. */
    public static List<ColumnProfile> suggest(List<ColumnProfile> profiles) {
        List<ColumnRole> roles = new ArrayList<>();
        boolean anyName = profiles.stream().anyMatch(p -> p.name() != null && !p.name().isBlank());
        for (ColumnProfile p : profiles) {
            roles.add(anyName ? byName(p) : null);
        }
        if (!anyName) {
            byValues(profiles, roles);
        }
        composeDateParts(profiles, roles);
        SourceKind kind = kindOf(roles);
        fitToKind(profiles, roles, kind);
        List<ColumnProfile> out = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            out.add(profiles.get(i).withRole(roles.get(i) == null ? IGNORE : roles.get(i)));
        }
        return out;
    }

    /** The kind of source the suggested roles of the profiles add up to. */
    public static SourceKind kindOf(List<ColumnRole> roles) {
        if (roles.contains(SOCIAL_TARGET) || roles.contains(SOCIAL_SOURCE)) {
            return SourceKind.SOCIAL;
        }
        boolean user = roles.contains(USER_ID);
        boolean item = roles.contains(ITEM_ID);
        if (user && item) {
            return roles.contains(ColumnRole.USER_ITEM_TEXT) && !roles.contains(RATING) ? SourceKind.USER_ITEM_TEXT : SourceKind.BEHAVIOUR;
        }
        if (item) {
            return SourceKind.ITEM_CONTENT;
        }
        return user ? SourceKind.USER_PROFILE : SourceKind.BEHAVIOUR;
    }

    private static ColumnRole byName(ColumnProfile p) {
        String n = normalise(p.name());
        ColumnRole role = BY_NAME.get(n);
        if (role == null && n.equals("id")) {
            return ITEM_ID; // corrected to USER_ID below when the file describes users
        }
        if (role == ITEM_CATEGORY && p.type() != ValueType.MULTI_VALUED && p.type() != ValueType.TEXT) {
            return ITEM_ATTRIBUTE;
        }
        if (role == TIMESTAMP && !(p.type() == ValueType.EPOCH_SECONDS || p.type() == ValueType.EPOCH_MILLIS
                || p.type() == ValueType.DATE || p.isNumeric())) {
            return null;
        }
        if (role == RATING && !p.isNumeric()) {
            return null;
        }
        if (role == null && (p.type() == ValueType.EPOCH_SECONDS || p.type() == ValueType.EPOCH_MILLIS || p.type() == ValueType.DATE)) {
            return TIMESTAMP;
        }
        if (role == null && p.type() == ValueType.MULTI_VALUED) {
            return ITEM_CATEGORY;
        }
        return role;
    }

    /** Without a header: ids first, then a small-ranged number as rating and an epoch as time. */
    private static void byValues(List<ColumnProfile> profiles, List<ColumnRole> roles) {
        int ids = 0;
        for (int i = 0; i < profiles.size(); i++) {
            ColumnProfile p = profiles.get(i);
            if (ids < 2 && (p.type() == ValueType.INTEGER || p.type() == ValueType.TEXT && p.meanLength() <= 24)) {
                roles.set(i, ids == 0 ? USER_ID : ITEM_ID);
                ids++;
            } else if (ids == 2 && p.isNumeric() && p.type() != ValueType.EPOCH_SECONDS && p.type() != ValueType.EPOCH_MILLIS
                    && p.min() >= 0 && p.max() <= 10 && !roles.contains(RATING)) {
                roles.set(i, RATING);
            } else if (p.type() == ValueType.EPOCH_SECONDS || p.type() == ValueType.EPOCH_MILLIS || p.type() == ValueType.DATE) {
                roles.set(i, TIMESTAMP);
            } else if (p.type() == ValueType.MULTI_VALUED) {
                roles.set(i, ITEM_CATEGORY);
            }
        }
    }

    /** Columns named year, month and day together make a date (Last.fm's tag assignments). */
    private static void composeDateParts(List<ColumnProfile> profiles, List<ColumnRole> roles) {
        int year = indexOf(profiles, "year");
        int month = indexOf(profiles, "month");
        int day = indexOf(profiles, "day");
        if (year >= 0 && month >= 0 && day >= 0 && !roles.contains(TIMESTAMP)) {
            roles.set(year, DATE_YEAR);
            roles.set(month, DATE_MONTH);
            roles.set(day, DATE_DAY);
        }
    }

    private static int indexOf(List<ColumnProfile> profiles, String name) {
        for (int i = 0; i < profiles.size(); i++) {
            if (normalise(profiles.get(i).name()).equals(name) && profiles.get(i).type() == ValueType.INTEGER) {
                return i;
            }
        }
        return -1;
    }

    /** Turns roles the kind does not allow into their counterpart (or IGNORE) and keeps single roles single. */
    private static void fitToKind(List<ColumnProfile> profiles, List<ColumnRole> roles, SourceKind kind) {
        boolean userFile = kind == SourceKind.USER_PROFILE;
        if (kind == SourceKind.SOCIAL && !roles.contains(SOCIAL_SOURCE) && roles.contains(USER_ID)) {
            roles.set(roles.indexOf(USER_ID), SOCIAL_SOURCE);
        }
        int idColumn = indexOfName(profiles, "id");
        if (idColumn >= 0 && roles.get(idColumn) == ITEM_ID && roles.stream().anyMatch(r -> r == USER_ATTRIBUTE)
                && !roles.contains(ITEM_TEXT) && !roles.contains(ITEM_CATEGORY)) {
            roles.set(idColumn, USER_ID);
            userFile = true;
        }
        SourceKind finalKind = userFile ? SourceKind.USER_PROFILE : kind;
        Set<ColumnRole> allowed = SpecValidator.allowedRoles(finalKind);
        Set<ColumnRole> used = EnumSet.noneOf(ColumnRole.class);
        for (int i = 0; i < roles.size(); i++) {
            ColumnRole r = roles.get(i);
            ColumnProfile p = profiles.get(i);
            if (r == null) {
                r = fallback(finalKind, p);
            }
            if (!allowed.contains(r)) {
                r = counterpart(r, finalKind, p);
            }
            if (SINGLE.contains(r) && !used.add(r)) {
                r = IGNORE;
            }
            roles.set(i, r);
        }
    }

    private static int indexOfName(List<ColumnProfile> profiles, String name) {
        for (int i = 0; i < profiles.size(); i++) {
            if (normalise(profiles.get(i).name()).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static ColumnRole fallback(SourceKind kind, ColumnProfile p) {
        if (p.type() == ValueType.EMPTY) {
            return IGNORE;
        }
        return switch (kind) {
            case ITEM_CONTENT -> p.type() == ValueType.TEXT && p.meanLength() > 30 ? ITEM_TEXT : ITEM_ATTRIBUTE;
            case USER_PROFILE -> USER_ATTRIBUTE;
            case BEHAVIOUR -> p.type() == ValueType.TEXT && p.distinct() <= 50 ? CONTEXT : IGNORE;
            default -> IGNORE;
        };
    }

    private static ColumnRole counterpart(ColumnRole r, SourceKind kind, ColumnProfile p) {
        return switch (kind) {
            case USER_PROFILE -> r == ITEM_ATTRIBUTE || r == ITEM_TEXT || r == ITEM_CATEGORY ? USER_ATTRIBUTE : IGNORE;
            case ITEM_CONTENT -> r == USER_ATTRIBUTE ? ITEM_ATTRIBUTE
                    : r == ColumnRole.USER_ITEM_TEXT ? ITEM_CATEGORY : r == TIMESTAMP ? ITEM_ATTRIBUTE : IGNORE;
            case BEHAVIOUR, USER_ITEM_TEXT -> r == ITEM_TEXT && p.meanLength() > 30 ? ColumnRole.USER_ITEM_TEXT : IGNORE;
            case SOCIAL -> r == RATING ? SOCIAL_WEIGHT : IGNORE;
        };
    }
}
