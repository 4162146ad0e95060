#!/usr/bin/python3
# Writes gensim-queries.tsv: gensim 4.2's own answers to the queries that GensimQueryParityTest asks w2v, on the
# gensim-written fixture gensim-8d.txt (a copy of ../vectors/gensim.txt; see README.md here).
# Run from this directory with Debian 12's python3-gensim (4.2.0): /usr/bin/python3 make-expected.py
# Each line: KIND <TAB> POSITIVE (space-separated words, or the vector's numbers) <TAB> NEGATIVE <TAB> ANSWER,
# where ANSWER is "word score word score ..." (most_similar, similar_by_vector), a score (similarity) or a word
# (doesnt_match). Scores are printed with repr() of the float32 gensim returns, as a Python float.
from gensim.models import KeyedVectors

kv = KeyedVectors.load_word2vec_format('gensim-8d.txt', binary=False)
out = []

def pairs(res):
    return ' '.join('%s %r' % (w, float(s)) for w, s in res)

for pos, neg in [
    (['the'], []),
    (['city'], []),
    (['Richmond', 'city'], []),
    (['season', 'team'], ['song']),
    (['he', 'He'], ['it']),
    (['first'], ['two', 'one']),
    (['Route'], ['Creek']),
]:
    out.append('most_similar\t%s\t%s\t%s' % (' '.join(pos), ' '.join(neg), pairs(kv.most_similar(positive=pos, negative=neg, topn=5))))

for vec in [
    [0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0.7, 0.8],
    [-1, 0, 0, 0, 0, 0, 0, 1.5],
    list(map(float, kv['city'])),
]:
    import numpy as np
    v = np.array(vec, dtype=np.float32)
    out.append('by_vector\t%s\t\t%s' % (' '.join(repr(float(x)) for x in v), pairs(kv.similar_by_vector(v, topn=5))))

for a, b in [('the', 'a'), ('city', 'Richmond'), ('season', 'song'), ('he', 'He'), ('(', ')'), ('first', 'first')]:
    out.append('similarity\t%s %s\t\t%r' % (a, b, float(kv.similarity(a, b))))

for words in [['the', 'a', 'an', 'Richmond'], ['season', 'team', 'song', 'city'], ['he', 'He', 'his', '('],
              ['one', 'two', '1', 'the', 'Creek']]:
    out.append('doesnt_match\t%s\t\t%s' % (' '.join(words), kv.doesnt_match(words)))

with open('gensim-queries.tsv', 'w') as f:
    f.write('\n'.join(out) + '\n')
