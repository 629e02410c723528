package dev.newsbeam.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule that stops transitive chaining: connected components of verified LSH edges are only
 * candidates; an article joins a cluster only if it is a duplicate of the cluster's canonical under
 * the {@link DuplicateRule} that verified the edges (Jaccard similarity at least the threshold, or,
 * with {@code --containment}, the shorter of the two mostly contained in the longer; estimated, or
 * exact with {@code --verify=exact}). A component whose members are not all close to its canonical
 * is split in {@code rounds} passes: pass 1 picks the component's canonical (per {@link
 * CanonicalPolicy}) and takes every member that is a duplicate of it; pass 2 does the same among
 * the members left over; whatever is still left after the last pass stays on its own.
 *
 * <p>So A~B~C with A and C far apart never becomes one cluster, and no cluster can grow through a
 * long chain: every member is directly similar to the article it is linked to. {@link #links} runs
 * the passes over one component in memory; the pipeline calls it per component (all the components
 * of a shuffle shard in one call of a DoFn), and so do the plain-Java baseline and {@link
 * InMemoryDeduplicator}.
 *
 * <p>With 0 rounds ({@code --chainGuard=false}) there is no guard: the component's canonical takes
 * every member, however far from it (a member's similarity to it can then be below the threshold),
 * which is what connected-components dedup (MLlib, text-dedup, NeMo Curator) does: it finds the
 * copies of copies the guard splits off, and on wire news it also chains templated stories into one
 * cluster (docs/dedup.md).
 */
public final class ChainGuard implements Serializable {
  private static final long serialVersionUID = 1L;

  private final DuplicateRule rule;
  private final int rounds;

  /** A guard by Jaccard similarity alone ({@link DuplicateRule#jaccard}). */
  public ChainGuard(double threshold, int rounds) {
    this(DuplicateRule.jaccard(threshold), rounds);
  }

  public ChainGuard(DuplicateRule rule, int rounds) {
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds must be >= 0, not " + rounds);
    }
    this.rule = rule;
    this.rounds = rounds;
  }

  /** The Jaccard threshold of the rule. */
  public double threshold() {
    return rule.similarity();
  }

  public DuplicateRule rule() {
    return rule;
  }

  public int rounds() {
    return rounds;
  }

  /**
   * True if {@code member} may join the cluster kept as {@code canonical}: it is the canonical, or
   * a duplicate of it under the rule.
   */
  public boolean accepts(DocSketch canonical, DocSketch member) {
    return canonical.id.equals(member.id) || rule.isDuplicate(canonical, member);
  }

  /**
   * The Jaccard similarity a link reports (1 for the canonical itself); a member accepted by
   * containment can report less than the threshold.
   */
  public static double similarity(DocSketch canonical, DocSketch member) {
    if (canonical.id.equals(member.id)) {
      return 1.0;
    }
    return DocSketch.similarity(canonical, member);
  }

  /** Where a member ended up: its canonical and its similarity to it. */
  public record Assignment(String canonicalId, double similarity) {}

  /**
   * The outcome of the passes over one component: one link per member, and how many times a member
   * was left over by a pass (metric {@code chain_members_detached}).
   */
  public record Outcome(List<ClusterLink> links, long detached) {}

  /**
   * Runs the passes over one connected component (its representatives, in any order) and returns
   * each member's {@link ClusterLink}: a pass's canonical links to itself with the cluster's size
   * (its exact copies plus those of the members that joined it), a member that joined links to the
   * canonical with its similarity, and a member left after the last pass links to itself. Every
   * choice is a minimum under the policy's total order, so the links do not depend on the order of
   * {@code component}.
   */
  public Outcome links(Collection<DocSketch> component, CanonicalPolicy policy) {
    List<ClusterLink> links = new ArrayList<>(component.size());
    long detached = 0;
    Comparator<DocSketch> order = policy.order();
    Collection<DocSketch> left = component;
    boolean guarded = rounds > 0;
    boolean chains = guarded && rule.containmentOn() && component.size() <= MAX_CHAIN_COMPONENT;
    // an earlier run's canonical (archived) ranks first and never joins another cluster: each
    // takes a pass of its own, so no cluster of an earlier output is ever changed
    for (int pass = 0;
        !left.isEmpty() && (pass < Math.max(rounds, 1) || hasArchived(left));
        pass++) {
      DocSketch canonical = Collections.min(left, order);
      long clusterSize = canonical.exactCopies;
      List<DocSketch> next = new ArrayList<>();
      List<DocSketch> joinable = new ArrayList<>(left.size());
      for (DocSketch member : left) {
        if (member.id.equals(canonical.id)) {
          continue; // its link needs the cluster size, known after the pass
        }
        if (member.isArchived()) {
          next.add(member);
        } else {
          joinable.add(member);
        }
      }
      Set<String> viaChain = chains ? containedChain(canonical, joinable) : Set.of();
      for (DocSketch member : joinable) {
        if (!guarded || accepts(canonical, member) || viaChain.contains(member.id)) {
          clusterSize += member.exactCopies;
          links.add(ClusterLink.to(member, canonical, similarity(canonical, member), 0));
        } else {
          detached++;
          next.add(member);
        }
      }
      ClusterLink self = ClusterLink.alone(canonical);
      self.clusterSize = clusterSize;
      links.add(self);
      left = next;
    }
    for (DocSketch member : left) {
      links.add(ClusterLink.alone(member));
    }
    return new Outcome(links, detached);
  }

  private static boolean hasArchived(Collection<DocSketch> members) {
    for (DocSketch d : members) {
      if (d.isArchived()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Components larger than this are guarded by the canonical test alone: the containment chains
   * compare pairs of members, and a component this large is a template flood, not one story.
   */
  static final int MAX_CHAIN_COMPONENT = 2_000;

  /**
   * A chain that has descended to a cut climbs again only to a text whose Jaccard similarity to the
   * canonical is at least this share of {@code --similarity}: another edit of the story that prints
   * the same cut, not a round-up that prints it beside other stories ({@link #containedChain}).
   */
  static final double SIBLING_SIMILARITY_SHARE = 0.5;

  /**
   * The ids of the members of {@code left} that a chain of cuts ({@link DuplicateRule#isCutFrom})
   * links to the canonical or a member it accepts: an abridged copy of an abridged copy, too short
   * (or too noisy) for the canonical's own test. Only a cut extends a chain, never Jaccard
   * similarity: templated stories resemble each other, they are not cut from each other.
   *
   * <p>A chain may climb (to a longer text that holds a member) and descend (to a cut of a member).
   * Climbing brings a story in when its canonical is itself an abridged copy (the earliest print of
   * a story can be a local paper's cut). Climbing after a descent would join any two texts that
   * print one common part, a round-up and the full story of one of its briefs, so after a descent a
   * chain climbs only to texts whose Jaccard similarity to the canonical is at least {@link
   * #SIBLING_SIMILARITY_SHARE} of {@code --similarity}: another edit of the same story. The
   * canonical and the members it accepts that are not cut from it climb freely; the members cut
   * from it count as descended. Both steps are closures under fixed relations, so the result does
   * not depend on the order of {@code left}.
   */
  private Set<String> containedChain(DocSketch canonical, Collection<DocSketch> left) {
    List<DocSketch> climbing = new ArrayList<>();
    List<DocSketch> descending = new ArrayList<>();
    List<DocSketch> waiting = new ArrayList<>();
    climbing.add(canonical);
    for (DocSketch member : left) {
      if (member.id.equals(canonical.id)) {
        continue;
      }
      if (!accepts(canonical, member)) {
        waiting.add(member);
      } else if (rule.isCutFrom(member, canonical)) {
        descending.add(member);
      } else {
        climbing.add(member);
      }
    }
    Set<String> chained = new HashSet<>();
    // climb freely from the canonical and the members it accepts that are not cut from it
    List<DocSketch> frontier = climbing;
    while (!frontier.isEmpty() && !waiting.isEmpty()) {
      List<DocSketch> reached = reach(frontier, waiting, true, chained);
      climbing.addAll(reached);
      frontier = reached;
    }
    // descend: cuts of any member reached so far, and cuts of those
    // then descend from anything reached, climbing again only to texts near the canonical; who is
    // near does not change, so the members left are split once
    List<DocSketch> near = new ArrayList<>();
    List<DocSketch> far = new ArrayList<>();
    double nearSimilarity = SIBLING_SIMILARITY_SHARE * rule.similarity();
    for (DocSketch w : waiting) {
      (DocSketch.similarity(canonical, w) >= nearSimilarity ? near : far).add(w);
    }
    frontier = new ArrayList<>(climbing);
    frontier.addAll(descending);
    while (!frontier.isEmpty() && (!near.isEmpty() || !far.isEmpty())) {
      List<DocSketch> down = reach(frontier, near, false, chained);
      down.addAll(reach(frontier, far, false, chained));
      List<DocSketch> from = new ArrayList<>(frontier);
      from.addAll(down);
      List<DocSketch> up = reach(from, near, true, chained);
      frontier = down;
      frontier.addAll(up);
    }
    return chained;
  }

  /**
   * Moves from {@code waiting} to the result (and their ids to {@code chained}) the members that
   * hold a member of {@code frontier} ({@code up}) or are cut from one.
   */
  private List<DocSketch> reach(
      List<DocSketch> frontier, List<DocSketch> waiting, boolean up, Set<String> chained) {
    List<DocSketch> reached = new ArrayList<>();
    for (Iterator<DocSketch> it = waiting.iterator(); it.hasNext(); ) {
      DocSketch member = it.next();
      for (DocSketch in : frontier) {
        if (up ? rule.isCutFrom(in, member) : rule.isCutFrom(member, in)) {
          reached.add(member);
          chained.add(member.id);
          it.remove();
          break;
        }
      }
    }
    return reached;
  }

  /** Member id → its canonical and similarity (the {@link #links} of one component, in short). */
  public Map<String, Assignment> assign(List<DocSketch> component, CanonicalPolicy policy) {
    Map<String, Assignment> out = new LinkedHashMap<>();
    for (ClusterLink link : links(component, policy).links()) {
      out.put(link.repId, new Assignment(link.canonicalId, link.similarity));
    }
    return out;
  }
}
