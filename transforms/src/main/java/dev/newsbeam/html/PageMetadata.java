package dev.newsbeam.html;

import java.util.List;

/**
 * What a page says about itself, each field from the most specific source that gives it (JSON-LD,
 * then OpenGraph and {@code article:*} meta, then plain meta, microdata and visible markup).
 *
 * @param title the headline, or null
 * @param published the publication date or datetime as written (ISO-8601 after {@link
 *     DateText#toIso}), or null
 * @param authors people named as authors by structured data, in order, or empty
 * @param visibleByline the byline as the page prints it, when no structured author is given (fed to
 *     the byline parser), or null
 * @param site the site or outlet name, or null
 * @param url the canonical URL, or null
 * @param lang the {@code <html lang>} (or {@code og:locale}) primary subtag, lower case, or null
 * @param articleTyped whether structured data calls the page an article ({@code NewsArticle},
 *     {@code og:type=article}, {@code article:published_time})
 * @param listingTyped whether structured data calls the page a listing ({@code CollectionPage},
 *     {@code ItemList}, {@code SearchResultsPage})
 * @param articleBody JSON-LD {@code articleBody}, a hint for the body, or null
 */
public record PageMetadata(
    String title,
    String published,
    List<String> authors,
    String visibleByline,
    String site,
    String url,
    String lang,
    boolean articleTyped,
    boolean listingTyped,
    String articleBody) {}
