package dev.newsbeam.byline;

import java.util.List;

/**
 * What a byline said.
 *
 * @param raw the byline as given
 * @param people everyone credited, byline authors (role {@code author}) and any other roles the
 *     byline names ("Photographs by …" → photographer), in order
 * @param outlet canonical outlet named in the byline, or null
 * @param location where outlet-only copy was filed ("Associated Press in Valencia"), or null
 * @param title a job title printed without a name ("Sports Reporter"), or null
 * @param status how much of the byline was understood
 */
public record ParsedByline(
    String raw, List<Person> people, String outlet, String location, String title, Status status) {

  /** How much of a byline was understood. */
  public enum Status {
    /** No byline given. */
    EMPTY,
    /** At least one person. */
    PEOPLE,
    /**
     * Only an outlet or a generic newsroom credit ("By The Associated Press", "From staff
     * reports").
     */
    NO_PERSON,
    /** Nothing recognisable: the raw byline is kept and counted. */
    UNPARSED
  }

  /** The people whose role is {@code author}. */
  public List<Person> authors() {
    return people.stream().filter(p -> Person.AUTHOR.equals(p.role())).toList();
  }
}
