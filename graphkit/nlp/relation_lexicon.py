"""Word lists the relation patterns use: trigger lemmas and role nouns.

Demonyms ("Ukrainian") are graphkit.places.is_demonym_of.

Only general English vocabulary lives here, never names of particular
entities: the patterns must work on any article.
"""

from __future__ import annotations

# ---------------------------------------------------------------- verbs

# The verbs that state no generic relation (speech verbs among them) are data: graphkit/data/no_relation_verbs.txt.

# Verbs that hold someone to account for a deed: "X was convicted of Y's murder".
CULPRIT_VERBS = frozenset("convict accuse charge sentence arrest suspect blame indict try jail".split())
# Verbs whose subject answers for a deed named after "for"/"to"/"of": "X is serving 99 years for
# Y's murder", "X pleaded guilty to the killing of Y", "X confessed to Y's murder".
ANSWERING_VERBS = frozenset("serve plead confess admit".split())
KILL_NOUNS = frozenset("assassination killing murder slaying execution".split())
# Which verbs state which relation is data: graphkit/data/relation_verbs.tsv.
# Nouns of leading: "in charge of Y", "at the helm of Y".
CHARGE_NOUNS = frozenset("charge helm command".split())
TALK_NOUNS = frozenset("talk talks meeting summit negotiation negotiations".split())
DEAL_NOUNS = frozenset("deal agreement accord treaty pact contract memorandum arrangement".split())

# Words that turn "join"/"membership" into an aspiration rather than a fact.
ASPIRATION_WORDS = frozenset("""
aspiration aspire bid hope ambition application apply seek want wish aim path
road bridge closer close invite invitation accession candidacy candidate push
quest desire goal prospect eventual future prospective possible potential
offer plan talks negotiation ready eager try attempt strive campaign pledge
promise
""".split())
MODALS = frozenset("will would could might may shall should can".split())

# Verbs of judging or answering a party, which take its deed or word as the party itself: "criticized
# Y's decision" criticises Y. Other verbs act on the thing only: "erased Y's emails", "bought Y's mines".
STANCE_VERBS = frozenset("""
criticize criticise praise condemn welcome reject oppose support back endorse attack question challenge
mock slam blast dismiss applaud defend denounce bash hail commend ridicule protest deride decry lambast
fault rebuke scorn disparage belittle undermine dispute contest rubbish trash pan assail excoriate lambaste
castigate chastise berate censure deplore""".split())

# Those who act for a party, and stand for it under any verb: "hosted Y's president", "met Y's delegation".
# (What a party does or says stands for it only under a verb of judging, STANCE_VERBS: "condemned Y's
# decision" judges Y, while "embraced Y's approach", "will address Y's comments", "continued Y's policies"
# do nothing to Y.)
REPRESENTATIVE_NOUNS = frozenset("""
president leader minister government administration delegation ambassador envoy diplomat diplomats embassy
""".split())

# ---------------------------------------------------------------- nouns

MEMBERSHIP_NOUNS = frozenset("membership accession".split())
MEMBER_NOUNS = frozenset("member ally".split())
MEMBER_GROUP_NOUNS = frozenset("member members state states country countries nation nations ally allies".split())
SEEKER_NOUNS = frozenset("candidate aspirant applicant".split())
FOUNDER_NOUNS = frozenset("founder co-founder cofounder".split())
OWNER_NOUNS = frozenset("owner co-owner proprietor shareholder stakeholder investor".split())
CHILD_ORG_NOUNS = frozenset("subsidiary unit division arm affiliate branch body agency bureau part".split())
PARENT_ORG_NOUNS = frozenset("parent".split())  # "X's parent company Y": Y is X's parent
KILLER_NOUNS = frozenset("assassin killer murderer".split())
# Those who speak or act for a person: "X's lawyer, Y", "X spokeswoman Y" (Y represents X).
SPEAKING_FOR_NOUNS = frozenset("lawyer attorney counsel spokesman spokeswoman spokesperson agent".split())
# A person's own staff: "X's bodyguard, Y", "Y, an aide to X", "X adviser Y" (Y works for the person X).
PERSONAL_STAFF_NOUNS = frozenset("""
aide adviser advisor assistant bodyguard driver chauffeur secretary confidant
""".split()) | {"chief of staff", "campaign manager", "personal assistant"}
# Kin a person is named as: "X's wife, Y", "his son Y", "Y, the widow of X" (schema.org's kinship properties).
# (predicate, whether the named kin is the subject): "X's son Y" is Y parent X; "X's father Y" is X parent Y.
KIN_NOUNS = {
    **dict.fromkeys("wife husband spouse widow widower".split(), ("spouse", True)),
    **dict.fromkeys("son daughter child stepson stepdaughter".split(), ("parent", True)),
    **dict.fromkeys("father mother parent stepfather stepmother".split(), ("parent", False)),
    **dict.fromkeys("brother sister sibling".split(), ("sibling", True)),
}
HOME_NOUNS = frozenset("home hometown house residence apartment birthplace homeland".split())
RESIDENT_NOUNS = frozenset("resident native national inhabitant".split())
# ... and those a country counts as its own: a nationality, not a home ("a U.S. citizen", "a citizen of Chile")
CITIZEN_NOUNS = frozenset("citizen citizens citizenship".split())
TERRAIN_NOUNS = frozenset("area coast valley foothills desert mountains hills suburbs outskirts".split())
# Words for a part of a place: "in the southeastern part of Y", "in the east of Y"
PART_NOUNS = frozenset("""part parts region area corner end edge reaches half tip north south east west
northeast northwest southeast southwest""".split())
# ... and what a place has parts called: "in Accra's eastern suburbs", "on the outskirts of Y" are in that place
PLACE_PART_NOUNS = PART_NOUNS | TERRAIN_NOUNS | {"centre", "center", "heart", "district", "neighbourhood",
                                                 "neighborhood", "streets"}
SUBPLACE_NOUNS = frozenset("city town village capital province state region county district suburb port".split())

# Roles a person holds in a country or city, not in an organization.
OFFICE_TITLES = frozenset("""
president vice-president prime minister premier chancellor king queen prince
emperor monarch governor gov. govs. govs mayor senator sen. sens. sens rep. reps. reps representative congressman
congresswoman lawmaker legislator ambassador envoy diplomat consul official
secretary general commander chief leader ruler dictator spokesman
spokeswoman spokesperson deputy minister-president head prosecutor judge sheriff
councilman councilwoman councillor alderman commissioner delegate del.
""".split()) | {"first lady"} | {  # an attorney is a lawyer ("New York attorney X"); these attorneys hold office
    "attorney general", "district attorney", "state's attorney", "county attorney", "city attorney", "u.s. attorney"}

# Roles in a party or movement: membership, not employment.
PARTY_ROLE_NOUNS = frozenset("""
candidate nominee frontrunner front-runner hopeful contender activist stalwart loyalist militant
""".split())
# Words naming a political party without the word "party": one belongs to it ("the GOP's X"), is not its staff.
PARTY_NAMES = frozenset("gop democrats republicans democratic republican tories labour".split())

# Words in an organization's name that make it a body of another organization
# whose name it contains ("NATO-Ukraine Council").
BODY_NOUNS = frozenset("""
council committee subcommittee commission board division unit office agency department
institute foundation bureau command assembly court fund forum group panel secretariat
directorate centre center academy school college university service corps force forces
army navy wing chapter branch subsidiary research laboratory labs mission delegation
tribunal secretariat summit parliament
""".split())

# Nouns before or beside a person that name no membership or employment.
NOT_A_ROLE = frozenset("""
critic opponent rival foe enemy fan victim supporter admirer friend customer
client user visitor guest contemporary counterpart target detractor hostage
prisoner captive detainee graduate alumnus alumna alum student dropout winner
recipient laureate honoree finalist donor mega-donor backer
surrogate author
name
""".split())  # "name": renown, not a post ("a household name in Ohio")

# Nouns for a unit an organization keeps somewhere ("a NATO command in Germany").
PRESENCE_NOUNS = frozenset("""
command base office offices plant factory branch hub embassy consulate mission
facility facilities site subsidiary operation operations store warehouse campus
bureau outpost garrison headquarters hq seat center centre mill refinery
depot terminal mine laboratory lab shipyard workshop
""".split())
# Verbs whose subject owns the unit in their object: "Y opened a plant in Z".
SETUP_VERBS = frozenset("open build set establish operate run launch maintain station keep expand construct have".split())
# Verbs whose subject puts money "in/into" a unit it will have: "invest $10 million in a plant in Y".
INVEST_VERBS = frozenset("invest spend pour".split())
SEAT_NOUNS = frozenset("headquarters hq seat".split())  # where it is based, not just present
# Verbs whose subject holds the aim in their object: "X announced a plan to buy Y" (X would buy), "X made
# an offer to buy Y"; not "rejected a plan to buy Y"
AIM_HOLDING_VERBS = frozenset("""
have make announce unveil launch pursue begin start confirm revive outline present submit table
abandon drop scrap shelve renew step intensify
""".split())
# Words naming a news medium ("USA Today", "the Tampa Bay Times", "Fox News")
MEDIA_WORDS = frozenset("""times news post today journal tribune herald gazette press chronicle telegraph daily
magazine television radio tv network networks broadcasting media wire""".split())
# Nouns for an organisation's own bodies of people, standing for it after a verb: "sits on the board of Y"
STAFF_BODY_NOUNS = frozenset("staff faculty payroll workforce".split())  # ... whose people work for it
ORG_BODY_NOUNS = STAFF_BODY_NOUNS | {"board"}
# Last words of bodies whose people are their members, not their staff: "the top Democrat on the House
# Intelligence Committee", "a veteran of the Rules Committee", "Senate Majority Leader X".
MEMBER_BODY_NOUNS = frozenset("""
committee subcommittee caucus panel senate house parliament assembly congress legislature council
board commission jury cabinet
""".split())
# Roles that work for such a body rather than sit on it: "counsel to the committee", "a Senate aide".
STAFF_NOUNS = frozenset("""
staff staffer aide counsel clerk employee spokesman spokeswoman spokesperson adviser advisor director manager
officer strategist analyst researcher economist secretary secretary-general executive
""".split())
# Last words of bodies a person's possessive makes them a member of: "X's Labour Party".
# Bodies of a state or a nation, which sit in it: "the Haitian Parliament", "Turkish police", "the Swiss
# People's Party", "the European Council". Named with a demonym, such a body is in that country; any other
# name only bears it ("American Action Forum", "American Dream", "Swiss Re").
STATE_BODY_NOUNS = frozenset("""
parliament government army navy police military ministry court senate congress legislature cabinet
administration forces force guard gendarmerie judiciary party council union commission
""".split())
FOLLOWER_BODY_NOUNS = frozenset("party union movement front alliance coalition".split())
# Words that may stand between "in" and a place without changing which place: "in eastern Sudan".
COMPASS_WORDS = frozenset("""
north south east west northern southern eastern western central northeast northwest southeast southwest
north-east north-west south-east south-west northeastern northwestern southeastern southwestern
north-eastern north-western south-eastern south-western upper lower nearby neighbouring neighboring
""".split())
