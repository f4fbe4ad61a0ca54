import type { Sentence } from "../nlp";
import type { ActorMention } from "./actors";
import { firstByKey, groupBy, sentenceHoldingToken } from "./positions";

/** The actor mentions outside quotations, found by token: asked once per token and verb. */
export class MentionIndex {
  /** The mention `.find` would pick for a last or first token. */
  private readonly byLastToken: Map<number, ActorMention>;
  private readonly indexByFirstToken: Map<number, number>;
  /** Mentions by the sentence holding their first token, in text order. */
  private readonly bySentence: Map<number, ActorMention[]>;

  constructor(
    private readonly mentions: ActorMention[],
    sentences: Sentence[],
  ) {
    this.byLastToken = firstByKey(mentions, (m) => m.lastToken);
    this.indexByFirstToken = firstByKey(mentions.keys(), (i) => mentions[i].firstToken);
    this.bySentence = groupBy(mentions, (m) => sentenceHoldingToken(sentences, m.firstToken));
  }

  endingAt(tokenIndex: number): ActorMention | undefined {
    return this.byLastToken.get(tokenIndex);
  }

  /** The first mention, in text order, whose first token is one of the two after `tokenIndex`. */
  startingJustAfter(tokenIndex: number): ActorMention | undefined {
    const next = this.indexByFirstToken.get(tokenIndex + 1) ?? Infinity;
    const second = this.indexByFirstToken.get(tokenIndex + 2) ?? Infinity;
    const first = Math.min(next, second);
    return first === Infinity ? undefined : this.mentions[first];
  }

  inSentence(sentence: number): ActorMention[] {
    return this.bySentence.get(sentence) ?? [];
  }
}
