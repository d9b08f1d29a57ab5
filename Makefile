# dadeum - one plain GNU Makefile (no autotools, no CMake).
#
#   make            build ./dadeum (stops first when a build input is missing: see check-deps)
#   make deps       install the Debian packages the build and tests need (root)
#   make have-deps  check that they are installed (any user)
#   make demo       deps (only if missing) + build + extract the bundled corpus into glossaries/ and tmx/
#                   (corpus.tbx, corpus.tsv, corpus.txt for OmegaT; tmx/corpus.tmx)
#   make test       deps (only if missing) + format-check + lint-fast + the whole suite,
#                   then again under ASan+UBSan
#   make eval       score the seeds (needs ../shared) and the corpus of tests/corpus/
#   make fit        refit the extraction model (glossaries/model/) on the dev split
#   make cv         the dev split's F1 under 4-fold cross-validation of the fit
#   make fit-translit  refit the transliterator's ranking weights (glossaries/model/translit.tsv)
#   make bench      benchmarks (see docs/benchmarks.md)
#   make lint       clang-tidy (.clang-tidy) and the include layering (tests/layering.sh)
#   make format | format-check | lint-fast | layering-check | hdr-check | fuzz | clean
#
# Variables: V=1 (show commands), DEVELOPER=1 (-Werror), SANITIZE=address,undefined
# (objects go to build/san-*/ and the binary to build/san-*/dadeum), SHARED_LIBS=1 (link
# sqlite3, expat and zlib shared, not from their static archives).

CC      ?= cc
AR      ?= ar
PKG_CONFIG ?= pkg-config
PYTHON  ?= python3
UNICODE_DIR ?= /usr/share/unicode

WARNINGS = -Wall -Wextra -pedantic -Wstrict-prototypes -Wmissing-prototypes -Wshadow \
           -Wformat=2 -Wwrite-strings -Wvla -Wpointer-arith -Wold-style-definition
OPT     ?= -O2 -g
CFLAGS  ?= $(OPT)
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARNINGS) $(CFLAGS) \
             -Isrc -I$(BUILD)/gen -MMD -MP
PKGS    = expat hunspell sqlite3 zlib
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
# hunspell is loaded with dlopen by src/align/spell.c (its libstdc++ would slow
# every start-up): compile against its headers, do not link it.
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(filter-out hunspell,$(PKGS)) 2>/dev/null)
# sqlite3, expat and zlib are linked from the static archives their -dev packages
# ship: Debian's libsqlite3.so is bound at load (BIND_NOW) and resolves some 1,500
# symbols each time any dadeum starts, 0.2 ms of a 1 ms process. SHARED_LIBS=1 links
# them shared, as a distribution package would (library updates without a rebuild).
ifeq ($(SHARED_LIBS),1)
LIBS    = $(PKG_LIBS) -lz -ldl -lm -pthread
else
LIBS    = -Wl,-Bstatic $(PKG_LIBS) -lz -Wl,-Bdynamic -ldl -lm -pthread
endif

ifeq ($(DEVELOPER),1)
ALL_CFLAGS += -Werror
endif

ifdef SANITIZE
BUILD   = build/san
ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=$(SANITIZE)
PROG    = $(BUILD)/dadeum
else
BUILD   = build
PROG    = dadeum
endif

ifneq ($(V),1)
QUIET_CC  = @echo '   ' CC $@;
QUIET_LD  = @echo '   ' LD $@;
QUIET_AR  = @echo '   ' AR $@;
QUIET_GEN = @echo '   ' GEN $@;
endif

# ---- sources -----------------------------------------------------------------
LIB_DIRS = util xml doc text model extract align termbase io check parallel pipeline
LIB_SRC  = $(foreach d,$(LIB_DIRS),$(wildcard src/$(d)/*.c))
CLI_SRC  = $(wildcard src/cli/*.c)
GEN_HDR  = $(BUILD)/gen/unicode_tables.h $(BUILD)/gen/sino_syllables.h $(BUILD)/gen/lexicon_data.h \
           $(BUILD)/gen/lexicon_index.h $(BUILD)/gen/model_data.h $(BUILD)/gen/attested_data.h $(BUILD)/gen/ko_wordforms.h \
           $(BUILD)/gen/ko_wordforms_index.h $(BUILD)/gen/translit_weights.h
LEXICONS = $(wildcard glossaries/lexicon/*.tsv)
MODEL    = glossaries/model/pair.tsv glossaries/model/span.tsv glossaries/model/word-classes.tsv
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/%.o)
CLI_OBJ  = $(CLI_SRC:src/%.c=$(BUILD)/%.o)
LIB      = $(BUILD)/libdadeum.a

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps check-deps have-deps demo test check units test-run eval fit cv fit-translit bench lint lint-fast \
        layering-check format format-check hdr-check fuzz clean
.SUFFIXES:
.DELETE_ON_ERROR:

all: $(PROG)

$(PROG): $(CLI_OBJ) $(LIB)
	$(QUIET_LD)$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LIBS)

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(QUIET_AR)$(AR) rcs $@ $^

$(BUILD)/%.o: src/%.c | $(GEN_HDR)
	@mkdir -p $(@D)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c tests/unit/harness.h $(LIB)
	@mkdir -p $(@D)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(LIB) $(LIBS)

# ---- generated tables (from Debian's unicode-data; no generated blob is committed)
# Every generator checks its inputs and the size of what it made, and exits 1
# naming the file and its Debian package; its output goes to $@+, renamed only
# on success, so a broken table never lands in $(BUILD)/gen. Generators run
# after check-deps (order-only), and so does every compile.
$(BUILD)/gen/unicode_tables.h: src/gen/gen_unicode.awk | check-deps
	@mkdir -p $(@D)
	$(QUIET_GEN)awk -f src/gen/gen_unicode.awk $(UNICODE_DIR)/CompositionExclusions.txt \
	    $(UNICODE_DIR)/UnicodeData.txt > $@+ || { rm -f $@+; exit 1; }; mv -f $@+ $@

$(BUILD)/gen/sino_syllables.h: src/gen/gen_sino.sh | check-deps
	@mkdir -p $(@D)
	$(QUIET_GEN)sh src/gen/gen_sino.sh $(UNICODE_DIR) > $@+ || { rm -f $@+; exit 1; }; mv -f $@+ $@

$(BUILD)/gen/ko_wordforms.h: src/gen/gen_wordforms.sh src/gen/gen_wordforms.awk | check-deps
	@mkdir -p $(@D)
	$(QUIET_GEN)sh src/gen/gen_wordforms.sh $(KODIC) > $@+ || { rm -f $@+; exit 1; }; mv -f $@+ $@

# The hash index generators (src/gen/gen_slots.h): host C programs compiled with
# the generated header they index, hashing each key as the lookups do.
INDEX_GEN_DEPS = src/gen/gen_slots.h src/util/strmap.c src/util/strmap.h src/util/strpool.c \
                 src/util/strpool.h src/util/xmalloc.c src/util/xmalloc.h
INDEX_GEN_CC   = $(QUIET_CC)$(CC) -std=c11 -O2 $(WARNINGS) $(if $(filter 1,$(DEVELOPER)),-Werror) \
                 -Isrc -I$(BUILD)/gen -o $@ $< src/util/strmap.c src/util/strpool.c src/util/xmalloc.c

# The word classes' hash indexes; the generator refuses a class cut short.
$(BUILD)/gen/gen_wordindex: src/gen/gen_wordindex.c $(INDEX_GEN_DEPS) $(BUILD)/gen/ko_wordforms.h
	$(INDEX_GEN_CC)

$(BUILD)/gen/ko_wordforms_index.h: $(BUILD)/gen/gen_wordindex
	$(QUIET_GEN)$< > $@+ || { rm -f $@+; exit 1; }; mv -f $@+ $@

# The folder is a prerequisite too: a lexicon deleted or added changes its time,
# not the time of any file still listed.
$(BUILD)/gen/lexicon_data.h: src/gen/sort_rows.awk src/gen/gen_lexicon.awk $(LEXICONS) glossaries/lexicon | check-deps
	@mkdir -p $(@D)
	$(QUIET_GEN)LC_ALL=C awk -f src/gen/sort_rows.awk -f src/gen/gen_lexicon.awk $(LEXICONS) /dev/null > $@+ || { rm -f $@+; exit 1; }; \
	    mv -f $@+ $@

# Their hash indexes, computed from the tables by a host C program that hashes
# each key as lexicon.c's lookups do and finds every key back.
$(BUILD)/gen/gen_lexindex: src/gen/gen_lexindex.c $(INDEX_GEN_DEPS) $(BUILD)/gen/lexicon_data.h
	$(INDEX_GEN_CC)

$(BUILD)/gen/lexicon_index.h: $(BUILD)/gen/gen_lexindex
	$(QUIET_GEN)$< > $@+ || { rm -f $@+; exit 1; }; mv -f $@+ $@

# The fitted extraction model (tests/corpus/fit.py writes the weights; see docs/extraction.md).
$(BUILD)/gen/model_data.h: src/gen/sort_rows.awk src/gen/gen_model.awk $(MODEL) | check-deps
	@mkdir -p $(@D)
	$(QUIET_GEN)LC_ALL=C awk -f src/gen/sort_rows.awk -f src/gen/gen_model.awk $(MODEL) > $@+ \
	    || { rm -f $@+; exit 1; }; mv -f $@+ $@

# The transliterator's ranking weights (tests/fit_translit.py fits them; docs/alignment.md).
$(BUILD)/gen/translit_weights.h: src/gen/sort_rows.awk src/gen/gen_model.awk glossaries/model/translit.tsv | check-deps
	@mkdir -p $(@D)
	$(QUIET_GEN)LC_ALL=C awk -v weights=TW_ -f src/gen/sort_rows.awk -f src/gen/gen_model.awk \
	    glossaries/model/translit.tsv > $@+ || { rm -f $@+; exit 1; }; mv -f $@+ $@

# Tables mined once from Debian's Korean message catalogues and CLDR's emoji annotations
# by src/gen/mine_l10n.py
# (committed, reviewed); gen_attested.awk refuses a table whose rows or format are wrong.
ATTESTED = glossaries/lexicon/attested-loanwords.tsv glossaries/lexicon/l10n-words.tsv \
           glossaries/lexicon/cldr-loanwords.tsv
$(BUILD)/gen/attested_data.h: src/gen/sort_rows.awk src/gen/gen_attested.awk $(ATTESTED)
	@mkdir -p $(@D)
	$(QUIET_GEN)LC_ALL=C awk -f src/gen/sort_rows.awk -f src/gen/gen_attested.awk $(ATTESTED) > $@+ && mv $@+ $@

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# ---- loanword index (issue 3): Hangul renderings of the CMU dictionary -------
# Built from Debian's festlex-cmu, scowl (frequency tiers), hunspell-ko (ko.dic:
# which letter readings Korean uses), wordnet-base (irregular forms) and
# flite1-dev (pronunciations of SCOWL words CMU lacks) by host C programs; gen_translit shares the
# orthography code with the library; nothing generated is committed. The
# generated source is shared by the normal and the sanitizer build.
CMUDICT      ?= /usr/share/festival/dicts/cmu/cmudict-0.4.out
SCOWL_DIR    ?= /usr/share/dict/scowl
# hunspell-ko's word list: which renderings are established Korean words
KODIC        ?= /usr/share/hunspell/ko.dic
# wordnet-base: irregular forms (drawn, rode) rank below base words, and so do
# words SemCor tags mostly as verbs or adjectives (break below brake)
WORDNET_DIR  ?= /usr/share/wordnet
# hunspell-en-us: which index words are words and which are names, asked at build time
HUNSPELL_DIR ?= /usr/share/hunspell
TRANSLIT_GEN  = build/gen/gen_translit
TRANSLIT_C    = build/gen/translit_index.c
TRANSLIT_OBJ  = $(BUILD)/gen/translit_index.o

# Debian's files are prerequisites through $(wildcard): a missing one is
# reported by check-deps (with its package), not by make's "No rule".
$(TRANSLIT_GEN): src/gen/gen_translit.c src/gen/gen_input.h src/align/translit_ortho.c \
                 src/align/translit_int.h src/align/spell.c src/align/spell.h | check-deps
	@mkdir -p $(@D)
	$(QUIET_CC)$(CC) -std=c11 -O2 -D_POSIX_C_SOURCE=200809L $(WARNINGS) \
	    $(if $(filter 1,$(DEVELOPER)),-Werror) -Isrc $(PKG_CFLAGS) \
	    -o $@ src/gen/gen_translit.c src/align/translit_ortho.c src/align/spell.c \
	    src/util/strbuf.c src/util/xmalloc.c -ldl

# Words CMU 0.4 lacks but SCOWL lists up to size $(TRANSLIT_LTS_SIZE) (the largest size
# whose words count as words, TRANSLIT_TIER_LISTED; hunspell en_US holds 60), pronounced
# by flite's CMU lexicon and letter-to-sound rules.
TRANSLIT_LTS_GEN  = build/gen/gen_translit_lts
TRANSLIT_LTS      = build/gen/translit_lts.out
TRANSLIT_LTS_SIZE = 80
FLITE_LIBS        = -lflite_cmulex -lflite_usenglish -lflite -lm

$(TRANSLIT_LTS_GEN): src/gen/gen_translit_lts.c src/gen/gen_input.h | check-deps
	@mkdir -p $(@D)
	$(QUIET_CC)$(CC) -std=c11 -O2 $(WARNINGS) $(if $(filter 1,$(DEVELOPER)),-Werror) -Isrc \
	    -o $@ src/gen/gen_translit_lts.c $(FLITE_LIBS)

$(TRANSLIT_LTS): $(TRANSLIT_LTS_GEN) $(wildcard $(CMUDICT) $(SCOWL_DIR)/english-words.10) | check-deps
	$(QUIET_GEN)$(TRANSLIT_LTS_GEN) $(CMUDICT) $(SCOWL_DIR) $(TRANSLIT_LTS_SIZE) > $@+ \
	    || { rm -f $@+; exit 1; }; mv -f $@+ $@

$(TRANSLIT_C): $(TRANSLIT_GEN) $(TRANSLIT_LTS) \
               $(wildcard $(CMUDICT) $(SCOWL_DIR)/english-words.10 $(KODIC) $(WORDNET_DIR)/verb.exc \
                          $(WORDNET_DIR)/index.noun $(WORDNET_DIR)/index.verb \
                          $(WORDNET_DIR)/index.adj $(WORDNET_DIR)/index.adv $(WORDNET_DIR)/cntlist.rev \
                          $(HUNSPELL_DIR)/en_US.dic) | check-deps
	$(QUIET_GEN)$(TRANSLIT_GEN) $(CMUDICT) $(SCOWL_DIR) $(TRANSLIT_LTS) $(KODIC) $(WORDNET_DIR) \
	    $(HUNSPELL_DIR) > $@+ || { rm -f $@+; exit 1; }; mv -f $@+ $@

$(TRANSLIT_OBJ): $(TRANSLIT_C) src/align/translit_int.h
	@mkdir -p $(@D)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -O1 -g0 -c -o $@ $(TRANSLIT_C)

$(LIB): $(TRANSLIT_OBJ)
# ---- end of the loanword index block -------------------------------------------

# ---- loanword-likeness model (src/align/loanlike.h) ----------------------------
# gen_loanlike, linked with the loanword index above, trains two jamo n-gram
# models (renderings of common English words; hunspell-ko's nouns and Unihan's
# hanja readings), holds out the loanwords of tests/data/translit/ to measure
# them, and writes the table; it stops the build when an input is missing or
# the model is broken. Per build (a sanitizer build links its own index object).
LOANLIKE_GEN  = $(BUILD)/gen/gen_loanlike
LOANLIKE_C    = $(BUILD)/gen/loanlike_model.c
LOANLIKE_OBJ  = $(BUILD)/gen/loanlike_model.o
LOANLIKE_HELD = tests/data/translit/loanwords.tsv tests/data/translit/dev.tsv

$(LOANLIKE_GEN): src/gen/gen_loanlike.c src/align/loanlike_int.h src/align/translit_int.h \
                 $(TRANSLIT_OBJ) $(BUILD)/gen/sino_syllables.h
	$(QUIET_CC)$(CC) -std=c11 -O2 $(WARNINGS) $(if $(filter 1,$(DEVELOPER)),-Werror) -Isrc \
	    -I$(BUILD)/gen $(LDFLAGS) -o $@ src/gen/gen_loanlike.c $(TRANSLIT_OBJ) -lm

$(LOANLIKE_C): $(LOANLIKE_GEN) $(KODIC) $(LOANLIKE_HELD)
	$(QUIET_GEN)$(LOANLIKE_GEN) $(KODIC) $(LOANLIKE_HELD) > $@+ && mv $@+ $@

$(LOANLIKE_OBJ): $(LOANLIKE_C) src/align/loanlike_int.h
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -O1 -g0 -c -o $@ $(LOANLIKE_C)

$(LIB): $(LOANLIKE_OBJ)

# English compounds of separate words (role model, safety belt) from WordNet, for
# loanwords that split into such words (see src/gen/gen_collocations.awk).
COLLOC_C   = $(BUILD)/gen/collocations.c
COLLOC_OBJ = $(BUILD)/gen/collocations.o

$(COLLOC_C): src/gen/gen_collocations.awk $(wildcard $(WORDNET_DIR)/index.noun) | check-deps
	@mkdir -p $(@D)
	$(QUIET_GEN)LC_ALL=C awk -f src/gen/gen_collocations.awk $(WORDNET_DIR)/index.noun > $@+ \
	    || { rm -f $@+; exit 1; }; mv -f $@+ $@

$(COLLOC_OBJ): $(COLLOC_C)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -O1 -g0 -c -o $@ $(COLLOC_C)

$(LIB): $(COLLOC_OBJ)
# ---- end of the loanword-likeness block ------------------------------------------

# ---- Debian packages ---------------------------------------------------------
# Build: pkg-config, the -dev packages, unicode-data (tables), bzip2 (Unihan); festlex-cmu,
# scowl, wordnet-base, flite1-dev and hunspell-ko (the loanword index, see above).
# Tests: libxml2-utils (xmllint), translate-toolkit (independent TMX/TBX reader),
# omegat (applies our TMX headless), expat (xmlwf, for make bench), clang-format
# and clang-tidy (make format-check and make lint, both run by make test),
# python3-olefile (the HWP reference of make bench).
DEB_PKGS = gcc make pkg-config libexpat1-dev libhunspell-dev hunspell-en-us hunspell-ko \
           libsqlite3-dev sqlite3 zlib1g-dev unicode-data bzip2 gawk libxml2-utils expat python3 \
           translate-toolkit festlex-cmu scowl wordnet-base \
           flite1-dev groff-base omegat valgrind time clang-format clang-tidy python3-olefile \
           poppler-utils

# Sets $$missing to the packages of DEB_PKGS that dpkg does not list as installed
# (one dpkg-query for all of them: cheap, and any user may run it).
deb_missing = inst=" $$(dpkg-query -W -f='$${db:Status-Abbrev} $${Package}\n' $(DEB_PKGS) 2>/dev/null \
	    | awk '$$1 == "ii" { printf "%s ", $$2 }') "; \
	missing=; for p in $(DEB_PKGS); do \
	  case "$$inst" in *" $$p "*) ;; *) missing="$$missing $$p";; esac; \
	done

# make deps installs what is missing (apt-get, as root); make have-deps only
# checks, as any user, and is how make test and make demo decide to call it.
deps:
	@$(deb_missing); \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "make deps: need root to install:$$missing" >&2; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else echo "deps: all Debian packages present"; fi

have-deps:
	@$(deb_missing); \
	[ -z "$$missing" ] || { echo "have-deps: missing Debian packages:$$missing" >&2; exit 1; }

# For make test and make demo: nothing to do (and no root needed) when every
# package is there, else make deps.
deps_if_missing = @$(MAKE) --no-print-directory have-deps 2>/dev/null || \
	$(MAKE) --no-print-directory deps

# What the build reads, as package:file (any user may run this check; only
# `make deps` needs root). Run before any generator or compile, so a newcomer's
# first `make` names the packages instead of building empty tables.
BUILD_INPUTS = unicode-data:$(UNICODE_DIR)/UnicodeData.txt \
               unicode-data:$(UNICODE_DIR)/CompositionExclusions.txt \
               unicode-data:$(UNICODE_DIR)/Unihan_IRGSources.txt.bz2 \
               unicode-data:$(UNICODE_DIR)/Unihan_Readings.txt.bz2 \
               festlex-cmu:$(CMUDICT) scowl:$(SCOWL_DIR)/english-words.10 hunspell-ko:$(KODIC) \
               wordnet-base:$(WORDNET_DIR)/verb.exc wordnet-base:$(WORDNET_DIR)/index.noun \
               wordnet-base:$(WORDNET_DIR)/index.verb wordnet-base:$(WORDNET_DIR)/index.adj \
               wordnet-base:$(WORDNET_DIR)/index.adv wordnet-base:$(WORDNET_DIR)/cntlist.rev \
               hunspell-en-us:$(HUNSPELL_DIR)/en_US.dic hunspell-en-us:$(HUNSPELL_DIR)/en_US.aff
check-deps:
	@missing=; \
	need() { case " $$missing " in *" $$1 "*) ;; *) missing="$$missing $$1";; esac; }; \
	for x in $(BUILD_INPUTS); do \
	  f=$${x#*:}; [ -f "$$f" ] && [ -r "$$f" ] && continue; \
	  echo "check-deps: missing '$$f' (Debian package $${x%%:*})" >&2; need $${x%%:*}; \
	done; \
	command -v $(firstword $(CC)) >/dev/null 2>&1 || need gcc; \
	command -v bzip2 >/dev/null 2>&1 || need bzip2; \
	command -v $(PKG_CONFIG) >/dev/null 2>&1 || need pkg-config; \
	$(PKG_CONFIG) --exists expat 2>/dev/null || need libexpat1-dev; \
	$(PKG_CONFIG) --exists hunspell 2>/dev/null || need libhunspell-dev; \
	$(PKG_CONFIG) --exists sqlite3 2>/dev/null || need libsqlite3-dev; \
	$(PKG_CONFIG) --exists zlib 2>/dev/null || need zlib1g-dev; \
	if [ "$(SHARED_LIBS)" != 1 ]; then \
	  for a in sqlite3:libsqlite3-dev expat:libexpat1-dev z:zlib1g-dev; do \
	    f=$$($(CC) -print-file-name=lib$${a%%:*}.a); \
	    [ -f "$$f" ] || { echo "check-deps: missing lib$${a%%:*}.a (Debian package $${a#*:}; or build with SHARED_LIBS=1)" >&2; need $${a#*:}; }; \
	  done; \
	fi; \
	printf '#include <flite/flite.h>\n' | $(CC) -E -x c - >/dev/null 2>&1 || need flite1-dev; \
	[ -z "$$missing" ] || { echo "check-deps: run 'make deps' (as root) to install:$$missing" >&2; exit 1; }

# ---- the main job on the bundled corpus ---------------------------------------
CORPUS = $(wildcard docs/corpus/*.txt)
demo:
	$(deps_if_missing)
	@$(MAKE) --no-print-directory all
	./$(PROG) extract --format tsv -o glossaries/corpus-pairs.tsv $(CORPUS)
	./$(PROG) extract --format jsonl -o glossaries/corpus-pairs.jsonl $(CORPUS)
	@echo "demo: wrote glossaries/corpus-pairs.tsv ($$(($$(wc -l < glossaries/corpus-pairs.tsv) - 1)) pairs)"
	@mkdir -p build/demo tmx && rm -f build/demo/corpus.db build/demo/corpus.db-wal build/demo/corpus.db-shm
	./$(PROG) ingest --quiet --db build/demo/corpus.db $(CORPUS)
	./$(PROG) export --db build/demo/corpus.db --format tmx -o tmx/corpus.tmx
	./$(PROG) export --db build/demo/corpus.db --format tbx -o glossaries/corpus.tbx
	./$(PROG) export --db build/demo/corpus.db --format tsv -o glossaries/corpus.tsv
	./$(PROG) export --db build/demo/corpus.db --format omegat -o glossaries/corpus.txt
	@echo "demo: wrote tmx/corpus.tmx ($$(grep -c '<tu ' tmx/corpus.tmx) units), glossaries/corpus.tbx ($$(grep -c '<termEntry' glossaries/corpus.tbx) entries, XCS glossaries/dadeum-tbx-basic.xcs), glossaries/corpus.tsv, glossaries/corpus.txt (OmegaT)"

# ---- tests -------------------------------------------------------------------
# `make test` checks the formatting, builds, runs the fast part of make lint
# (clang-tidy without the path-sensitive clang-analyzer checks, and the include
# layering: under a minute on 2 cores, where the full make lint takes about
# three), runs the suite on the normal build, then the whole suite again with
# ASan+UBSan, and ends with one line "N passed, N failed". It calls make deps
# only when a Debian package is missing (so it needs root only then).
test:
	$(deps_if_missing)
	@$(MAKE) --no-print-directory format-check
	@$(MAKE) --no-print-directory all units
	@$(MAKE) --no-print-directory lint-fast
	@$(MAKE) --no-print-directory SANITIZE=address,undefined all units
	@sh tests/run.sh ./dadeum $(BUILD)/tests build/san/dadeum build/san/tests

check: test

units: $(UNIT_BIN)

# Runs the suite once, on the build selected by SANITIZE (no deps step).
test-run: all units
	@sh tests/run.sh ./$(PROG) $(BUILD)/tests

SHARED ?= ../shared
# make eval: the seeds (../shared/eval), then the corpus of tests/corpus/ by split, and
# its committed part alone (what any checkout can rerun); see tests/corpus/README.md.
CORPUS_EVAL = tests/corpus/evaluate.py --dadeum ./$(PROG)
eval: all
	@test -f $(SHARED)/eval/score.py || { echo "eval: $(SHARED)/eval not found" >&2; exit 1; }
	@mkdir -p build/eval
	@$(PYTHON) $(CORPUS_EVAL) seeds:$(SHARED)/eval/seeds-gold.tsv:$(SHARED)/eval/seeds dev test committed
	@echo "== two annotators on the same 104 documents (tests/corpus/agreement.py), and dadeum beside them"
	@$(PYTHON) tests/corpus/agreement.py --dadeum ./$(PROG)
	./$(PROG) extract --format tsv -o build/eval/seeds.tsv $(SHARED)/eval/seeds/*.txt
	@echo "== seeds-gold, by the kit's own scorer (strict = exact document, Korean span and gloss)"
	@$(PYTHON) $(SHARED)/eval/score.py $(SHARED)/eval/seeds-gold.tsv build/eval/seeds.tsv | tail -1
	./$(PROG) extract --cross --format tsv -o build/eval/seeds-cross.tsv $(SHARED)/eval/seeds/*.txt
	@echo "== English forms of the pairs found (acronym expansions: abbrev; loanword -> English: loanword)"
	@$(PYTHON) tests/eval_english.py $(SHARED)/eval/seeds-gold.tsv build/eval/seeds.tsv
	@echo "== seeds-crossgold, with --cross (read the recall lines only)"
	@$(PYTHON) $(SHARED)/eval/score.py $(SHARED)/eval/seeds-crossgold.tsv build/eval/seeds-cross.tsv | grep -E 'recall|gold pairs'
	@echo "== loanword -> English (dadeum translit), top-1 and top-3"
	@sh tests/translit_eval.sh ./$(PROG) tests/data/translit/dev.tsv tests/data/translit/loanwords.tsv \
	    tests/data/translit/l10n-kde.tsv tests/data/translit/corpus-dev.tsv tests/data/translit/corpus-test.tsv

# make fit: refit the extraction model on the dev split (and the bundled seed releases),
# the span model first, then the pair model on the spans it gives; writes
# glossaries/model/{span,pair}.tsv. Review the diff before committing.
fit: all
	$(PYTHON) tests/corpus/fit.py span --dadeum ./$(PROG)
	@$(MAKE) --no-print-directory all
	$(PYTHON) tests/corpus/fit.py pair --dadeum ./$(PROG)
	@$(MAKE) --no-print-directory all
	@$(PYTHON) $(CORPUS_EVAL) dev

# make cv: the dev split's strict F1 under 4-fold cross-validation of the fit
# (tests/corpus/cv.py; refits and rebuilds per fold, restores the weights after)
cv: all
	$(PYTHON) tests/corpus/cv.py --dadeum ./$(PROG)

# make fit-translit: refit the transliterator's ranking weights on the tuning lists
# (tests/fit_translit.py; rebuilds per trial, prints the held-out lists at the end).
fit-translit: all
	$(PYTHON) tests/fit_translit.py --dadeum ./$(PROG)

bench: all
	@sh tests/bench/run.sh ./$(PROG)

# ---- fuzzing (libFuzzer, clang + libclang-rt-14-dev) ---------------------------
# make fuzz [FUZZ_SECONDS=60] [FUZZERS="decode extract"]: builds each harness in
# tests/fuzz/ with ASan+UBSan and runs it, seeded from tests/data/fuzz/<name>/ and
# the directories in FUZZ_SEEDS_<name> (FUZZ_SEEDS when that is not defined); crashes
# land in build/fuzz/<name>/ and become regression cases in tests/data/fuzz/<name>/.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_MAX_LEN ?= 16384
FUZZERS      ?= $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SEEDS   ?= tests/data/enc tests/data/extract docs/corpus
FUZZ_SEEDS_tmx   ?= tests/data/formats
FUZZ_SEEDS_tbx   ?= tests/data/formats
FUZZ_SEEDS_csv   ?= tests/data/formats tests/data/enc
FUZZ_SEEDS_query ?=
FUZZ_SEEDS_options ?=
FUZZ_SEEDS_jsonl ?=
FUZZ_SEEDS_tsv   ?= tests/data/fuzz/csv
FUZZ_SEEDS_hwp   ?=
FUZZ_SEEDS_zip   ?= tests/data/doc
FUZZ_SEEDS_html  ?=
# the option parser is the CLI's: its files but main.c go into that harness
FUZZ_EXTRA_options = $(filter-out src/cli/main.c,$(CLI_SRC))
fuzz_extra    = $(1)) extra="$(FUZZ_EXTRA_$(1))";;
fuzz_seeds    = $(if $(filter undefined,$(origin FUZZ_SEEDS_$(1))),$(FUZZ_SEEDS),$(FUZZ_SEEDS_$(1)))
fuzz_case     = $(1)) seeds="$$seeds $(call fuzz_seeds,$(1))";;
FUZZ_FLAGS    = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 -Isrc -Ibuild/fuzz/gen \
                -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
fuzz: $(TRANSLIT_C) $(LOANLIKE_C) $(COLLOC_C)
	@$(MAKE) --no-print-directory BUILD=build/fuzz build/fuzz/gen/unicode_tables.h \
	    build/fuzz/gen/sino_syllables.h build/fuzz/gen/lexicon_data.h build/fuzz/gen/lexicon_index.h \
	    build/fuzz/gen/attested_data.h \
	    build/fuzz/gen/ko_wordforms.h build/fuzz/gen/ko_wordforms_index.h \
	    build/fuzz/gen/model_data.h build/fuzz/gen/translit_weights.h
	@for f in $(FUZZERS); do \
	  echo "== fuzz_$$f ($(FUZZ_SECONDS) s)"; \
	  mkdir -p build/fuzz/$$f/corpus && \
	  extra=; case $$f in $(foreach n,$(FUZZERS),$(call fuzz_extra,$(n))) esac; \
	  $(FUZZ_CC) $(FUZZ_FLAGS) $(PKG_CFLAGS) -o build/fuzz/fuzz_$$f tests/fuzz/fuzz_$$f.c $$extra \
	      $(LIB_SRC) $(TRANSLIT_C) $(LOANLIKE_C) $(COLLOC_C) $(PKG_LIBS) -lz -ldl -lm -pthread || exit 1; \
	  seeds=$$(ls -d tests/data/fuzz/$$f 2>/dev/null); \
	  case $$f in $(foreach n,$(FUZZERS),$(call fuzz_case,$(n))) esac; \
	  build/fuzz/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) -timeout=10 \
	      -artifact_prefix=build/fuzz/$$f/ -print_final_stats=1 \
	      build/fuzz/$$f/corpus $$seeds \
	      2>&1 | grep -E '^(stat::number_of_executed_units|stat::peak_rss|==|SUMMARY|Done)|Assertion .* failed|runtime error:' ; \
	  if ls build/fuzz/$$f/crash-* build/fuzz/$$f/leak-* build/fuzz/$$f/timeout-* \
	      build/fuzz/$$f/oom-* 2>/dev/null | grep .; then \
	    echo "fuzz_$$f: found a failing input (above)"; exit 1; \
	  fi; \
	done

# ---- hygiene -----------------------------------------------------------------
HDRS = $(wildcard src/*.h src/*/*.h)
# src/gen/gen_input.h is shared by the generators' main files and asks each to
# define GEN_NAME first (an #error says so): not a header of the library.
hdr-check: $(GEN_HDR)
	@for h in $(filter-out src/gen/%,$(HDRS)); do \
	  printf '#include "%s"\ntypedef int hdr_check_nonempty;\n' "$${h#src/}" | $(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -x c -fsyntax-only - \
	  || { echo "hdr-check: $$h does not compile on its own"; exit 1; }; \
	done; echo "hdr-check: $(words $(filter-out src/gen/%,$(HDRS))) headers ok"

# make lint: clang-tidy (.clang-tidy says which checks and why) over the library
# and the CLI with the compile flags above, then the include layering
# (tests/layering.sh); fails on any finding. LINT_JOBS files at a time.
# make lint-fast: the same without the path-sensitive clang-analyzer checks, the
# part of lint that `make test` runs (see "tests" above).
CLANG_TIDY   ?= clang-tidy
CLANG_FORMAT ?= clang-format
LINT_JOBS    ?= 2
TIDY_SRC      = $(LIB_SRC) $(CLI_SRC) $(wildcard src/gen/*.c)
TIDY_FLAGS    = $(filter-out -MMD -MP,$(ALL_CFLAGS)) $(PKG_CFLAGS)
# One clang-tidy per file, its output printed in one piece once it ends (no
# interleaving) without clang's "N warnings generated." (those of the checks
# that are off); its exit status kept.
tidy = @echo '    TIDY $(words $(TIDY_SRC)) files$(if $(1), ($(1)))'; \
	printf '%s\n' $(TIDY_SRC) | xargs -P$(LINT_JOBS) -I{} sh -c \
	    'out=$$($(CLANG_TIDY) --quiet --warnings-as-errors="*" $(if $(1),--checks="$(1)") \
	         "$$0" -- $(TIDY_FLAGS) 2>&1); st=$$?; \
	     printf "%s\n" "$$out" | grep -v "^[0-9]* warnings\{0,1\} generated\.$$" | grep .; \
	     exit $$st' {} \
	    || { echo "lint: clang-tidy findings above" >&2; exit 1; }

lint: $(GEN_HDR) layering-check
	$(call tidy,)

lint-fast: $(GEN_HDR) layering-check
	$(call tidy,-clang-analyzer-*)

# The include graph follows the module layering (docs/architecture.md).
layering-check:
	@sh tests/layering.sh src

# Every C file we write, as clang-format (the .clang-format of the top) writes it.
FORMAT_SRC = $(sort $(wildcard src/*.[ch] src/*/*.[ch] tests/*/*.[ch]))

format:
	$(CLANG_FORMAT) -i $(FORMAT_SRC)

# Lists the files that `make format` would change, and fails if there are any.
format-check:
	@bad=; for f in $(FORMAT_SRC); do \
	  $(CLANG_FORMAT) "$$f" | cmp -s - "$$f" || bad="$$bad $$f"; \
	done; \
	if [ -n "$$bad" ]; then \
	  printf 'format-check: not as clang-format writes it (run make format):\n'; \
	  printf '    %s\n' $$bad; exit 1; \
	fi >&2; echo "format-check: $(words $(FORMAT_SRC)) files ok"

clean:
	rm -rf build dadeum
