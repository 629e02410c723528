package dev.newsbeam.byline;

/**
 * A dateline removed from the start of a body.
 *
 * @param location place as printed ("KYIV, Ukraine"), or null for "(CNN) —"
 * @param agency canonical agency or outlet in parentheses, or null (1987 Reuters style)
 * @param raw the dateline text exactly as it was removed, dash included
 */
public record ParsedDateline(String location, String agency, String raw) {}
