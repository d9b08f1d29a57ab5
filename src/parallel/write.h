/*
 * write.h - aligned segments as TMX 1.4b, TSV or JSON Lines.
 *
 * TMX (segtype "sentence", srclang ko-KR): one <tu> per link, with props
 * x-dadeum-score, x-dadeum-source-ko and -en (the documents) and
 * x-dadeum-pos-ko and -en (where the segments are), then the Korean and
 * the English <tuv>. TSV: a header row, then ko, en, score, ko_pos, en_pos,
 * ko_file, en_file. JSONL: one object a link with the same fields.
 *
 * A position is LINE.N, the source line of the paragraph and the number of
 * the sentence in it; a segment of two sentences has two, joined by a comma
 * (12.2,13.1). The two sentences of such a segment are joined by a space.
 */
#ifndef DADEUM_PARALLEL_WRITE_H
#define DADEUM_PARALLEL_WRITE_H

#include <stdio.h>

#include "parallel/parallel.h"

enum par_format { PAR_FORMAT_TMX, PAR_FORMAT_TSV, PAR_FORMAT_JSONL };

struct par_writer {
    FILE *fp;
    enum par_format format;
    const char *date;         /* TMX creationdate, YYYYMMDDThhmmssZ */
    const char *tool_version; /* TMX creationtoolversion */
};

/* The TMX header or the TSV header row (nothing for JSONL). */
void par_write_begin(const struct par_writer *w);
/*
 * Writes the links of al whose score is at least min_score; ko_name and
 * en_name are the documents as named in the output. Returns how many.
 */
size_t par_write_links(const struct par_writer *w, const struct par_doc *ko,
                       const struct par_doc *en, const struct par_alignment *al, double min_score,
                       const char *ko_name, const char *en_name);
/* The end of the TMX body (nothing for the others). */
void par_write_end(const struct par_writer *w);

#endif
