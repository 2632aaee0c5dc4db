// The kinds of community organisation the demo county has, by social-need domain. A profile ties
// name patterns to a description and the services that fit them, so a shelter's name, story and
// services agree. Placeholders: {town}, {county} (without "County"), {hope}, {saint}, {street}.

export const needDomains = [
  'housing',
  'food',
  'transportation',
  'utilities',
  'safety',
  'behavioral_health',
  'legal',
  'faith_based',
  'caregiver_support',
  'employment',
] as const;
export type NeedDomain = (typeof needDomains)[number];

export interface ServiceTemplate {
  name: string;
  description: string;
  eligibility: string;
}

export interface CommunityProfile {
  names: readonly string[];
  description: string;
  /** The first is the service the organisation is known for; the others it may also offer. */
  services: readonly ServiceTemplate[];
}

export interface DomainCatalog {
  profiles: readonly CommunityProfile[];
  /** Services of this domain that an organisation of another domain often runs on the side. */
  sideServices: readonly ServiceTemplate[];
}

const s = (name: string, description: string, eligibility: string): ServiceTemplate => ({ name, description, eligibility });

export const communityCatalog: Record<NeedDomain, DomainCatalog> = {
  housing: {
    profiles: [
      {
        names: ['{hope} House Shelter', '{town} Family Shelter'],
        description: 'We run a shelter in {town} with beds for adults and families. Staff help guests find a lasting home.',
        services: [
          s(
            'Emergency shelter',
            'A bed for tonight and help planning what comes next.',
            'Adults and families with no safe place to sleep.',
          ),
          s(
            'Housing search',
            'A worker helps you find an apartment and fill out the forms.',
            'Anyone who is homeless or about to lose housing.',
          ),
        ],
      },
      {
        names: ['Neighbors United Housing', '{town} Housing Partners', '{county} Rent Relief Fund'],
        description: 'We help people in {county} County keep a safe place to live. We can help pay rent when money is short.',
        services: [
          s(
            'Rent help',
            'One-time help with late rent to stop an eviction.',
            'Renters in {county} County with an eviction notice.',
          ),
          s(
            'Housing search',
            'A worker helps you find an apartment and fill out the forms.',
            'Anyone who is homeless or about to lose housing.',
          ),
        ],
      },
      {
        names: ['{county} Home Repair Crew', '{street} Street Home Repair'],
        description: 'Volunteers fix roofs, steps and ramps so older adults can stay in their homes.',
        services: [
          s(
            'Home repairs for safety',
            'Free small repairs like grab bars, ramps and stair rails.',
            'Homeowners age 60 and over, or with a disability.',
          ),
        ],
      },
    ],
    sideServices: [
      s(
        'Housing search',
        'A worker helps you find an apartment and fill out the forms.',
        'Anyone who is homeless or about to lose housing.',
      ),
    ],
  },
  food: {
    profiles: [
      {
        names: ['{town} Food Pantry', '{county} Food Bank', '{street} Street Pantry'],
        description: 'We give free groceries to families in {town} every week. No ID is needed.',
        services: [
          s('Weekly food box', 'A box of groceries you can pick up once a week.', 'Anyone in {county} County who needs food.'),
          s('Help applying for SNAP', 'A worker helps you apply for food stamps (SNAP).', 'Households with low income.'),
        ],
      },
      {
        names: ['St. {saint} Community Kitchen', '{hope} Table Meals'],
        description: 'We serve a hot lunch every weekday. Everyone is welcome.',
        services: [s('Hot meals', 'A free hot meal, no questions asked.', 'Open to all.')],
      },
      {
        names: ['{town} Meals on Time', '{county} Home Meals'],
        description: 'We bring meals to people who cannot cook or shop for themselves.',
        services: [
          s('Home-delivered meals', 'Meals brought to your door five days a week.', 'Adults who cannot leave home easily.'),
          s(
            'Medically tailored meals',
            'Meals made for people with diabetes, heart failure or kidney disease.',
            'A doctor or nurse must refer you.',
          ),
        ],
      },
      {
        names: ['Fresh Start Mobile Market', '{hope} Produce Truck'],
        description: 'Our truck brings fresh fruit and vegetables to neighborhoods without a grocery store.',
        services: [
          s(
            'Mobile produce market',
            'Free or low-cost fruit and vegetables, sold from a truck near you.',
            'Open to all. SNAP cards are taken.',
          ),
        ],
      },
    ],
    sideServices: [s('Food pantry shelf', 'A small shelf of free food you can take on the spot.', 'Open to all.')],
  },
  transportation: {
    profiles: [
      {
        names: ['{county} Ride Share Volunteers', '{hope} Wheels'],
        description: 'Volunteer drivers take people to doctor visits, the pharmacy and the grocery store.',
        services: [
          s('Rides to medical visits', 'A free ride to and from a doctor or clinic visit.', 'Call at least two days ahead.'),
          s('Grocery rides', 'A weekly ride to the grocery store.', 'Adults 60 and over.'),
        ],
      },
      {
        names: ['{county} Care Van', '{town} Senior Rides'],
        description: 'Our vans take older adults and people in wheelchairs to medical visits across {county} County.',
        services: [
          s('Wheelchair van', 'A van with a lift for people who use a wheelchair.', 'People who use a wheelchair or walker.'),
        ],
      },
      {
        names: ['{town} Bus Pass Program', '{hope} Transit Fund'],
        description: 'We give bus passes to people who need to get to work, school or the doctor.',
        services: [s('Bus passes', 'A free monthly bus pass.', 'Adults with low income or looking for work.')],
      },
    ],
    sideServices: [s('Bus passes', 'A free monthly bus pass.', 'Adults with low income or looking for work.')],
  },
  utilities: {
    profiles: [
      {
        names: ['{county} Energy Help Fund', '{town} Heat and Light Help'],
        description: 'We help families pay heating and electric bills so the power stays on.',
        services: [
          s('Heating bill help', 'Help paying a gas, oil or electric bill in winter.', 'Households with low income.'),
          s('Shut-off prevention', 'Fast help when your power or water is about to be shut off.', 'Bring your shut-off notice.'),
        ],
      },
      {
        names: ['Warm Homes {county}', '{county} Weatherization Crew'],
        description: 'We seal drafts and fix old furnaces to lower energy bills.',
        services: [
          s(
            'Home weatherizing',
            'Free work to keep the heat in, like sealing windows and adding insulation.',
            'Homeowners and renters with low income.',
          ),
        ],
      },
      {
        names: ['{hope} Utility Relief', '{town} Water Bill Help'],
        description: 'We help people set up payment plans with the power and water companies.',
        services: [
          s(
            'Payment plan help',
            'A worker calls the utility with you to set up a plan you can afford.',
            'Anyone behind on a utility bill.',
          ),
          s(
            'Medical need letters',
            'Help asking the utility to keep the power on for medical equipment.',
            'People who use oxygen or other powered medical devices.',
          ),
        ],
      },
    ],
    sideServices: [s('Heating bill help', 'Help paying a gas, oil or electric bill in winter.', 'Households with low income.')],
  },
  safety: {
    profiles: [
      {
        names: ['{hope} Safe House', '{county} Family Safety Center'],
        description: 'We help people leaving an abusive partner. Our shelter address is kept private.',
        services: [
          s(
            'Safe shelter',
            'A private, safe place to stay for people fleeing abuse, and their children.',
            'Anyone in danger at home.',
          ),
          s('24-hour help line', 'Talk to a trained person any time, day or night.', 'Open to all. Calls are private.'),
        ],
      },
      {
        names: ['{county} Elder Safety Line', '{town} Senior Protection Project'],
        description: 'We help older adults who are being harmed, cheated or left without care.',
        services: [
          s(
            'Elder abuse help',
            'Help for older adults who are hurt, scammed or left alone.',
            'Adults 60 and over, or someone calling for them.',
          ),
        ],
      },
      {
        names: ['{hope} Violence Prevention Project', '{town} Peacekeepers'],
        description: 'We work with young people and families to stop violence before it starts.',
        services: [
          s(
            'Violence interruption',
            'Trained outreach workers help calm conflicts before someone gets hurt.',
            'Youth and young adults ages 14 to 30.',
          ),
        ],
      },
    ],
    sideServices: [s('Safety planning', 'A worker helps you make a plan to stay safe.', 'Open to all.')],
  },
  behavioral_health: {
    profiles: [
      {
        names: ['{hope} Counseling Collective', '{town} Counseling Center'],
        description: 'We offer counseling for stress, sadness and worry. Fees are based on what you can pay.',
        services: [
          s(
            'Counseling',
            'Talk with a counselor one on one, in person or by video.',
            'Adults and teens. Fees are based on income.',
          ),
          s('Crisis support', 'Fast help when someone is in a mental health crisis.', 'Open to all, any time.'),
        ],
      },
      {
        names: ['{town} Recovery Center', '{county} Peer Support Network'],
        description: 'People in recovery help others who are working to stop using drugs or alcohol.',
        services: [
          s(
            'Peer recovery coach',
            'A coach who has been in recovery helps you reach your goals.',
            'Adults working to stop using drugs or alcohol.',
          ),
        ],
      },
      {
        names: ['{hope} Clubhouse', '{town} Wellness Club'],
        description: 'A place where adults living with mental illness meet, work and learn together.',
        services: [
          s(
            'Day program',
            'A friendly place to spend the day, learn skills and find work.',
            'Adults living with a mental illness.',
          ),
        ],
      },
    ],
    sideServices: [s('Support groups', 'Weekly groups where people share and support each other.', 'Adults. No sign-up needed.')],
  },
  legal: {
    profiles: [
      {
        names: ['{county} Legal Aid', '{hope} Justice Project'],
        description: 'Our lawyers give free help with housing, benefits and family problems.',
        services: [
          s(
            'Family law help',
            'Help with custody, divorce and protection orders.',
            'People with low income. Survivors of abuse come first.',
          ),
          s('Benefits appeals', 'Help when Medicaid, SNAP or disability benefits are denied or cut.', 'People with low income.'),
        ],
      },
      {
        names: ['{town} Tenant Law Clinic', '{county} Renters Rights Center'],
        description: 'We help tenants who face eviction or unsafe living conditions.',
        services: [
          s('Eviction defense', 'A lawyer helps you in housing court.', 'Renters with low income who have an eviction notice.'),
        ],
      },
      {
        names: ['{county} Immigrant Rights Clinic', '{hope} Welcome Law Center'],
        description: 'We give free advice to immigrants and their families about their rights.',
        services: [
          s('Immigration advice', 'Free advice on immigration status and rights.', 'Open to all. Appointments are needed.'),
        ],
      },
    ],
    sideServices: [
      s(
        'Free legal clinic',
        'A lawyer visits once a month to answer questions for free.',
        'Open to all. First come, first served.',
      ),
    ],
  },
  faith_based: {
    profiles: [
      {
        names: ['{town} Interfaith Care Circle', '{county} Congregations Together'],
        description: 'Members of local churches, mosques and temples visit and help neighbors in need.',
        services: [
          s('Friendly visits', 'A volunteer visits or calls each week to talk and check in.', 'Adults who live alone.'),
          s(
            'Help with errands',
            'Volunteers help with shopping, pharmacy pickups and small chores.',
            'Older adults and people who are sick.',
          ),
        ],
      },
      {
        names: ['St. {saint} Parish Outreach', '{hope} Fellowship Care Team'],
        description: 'Our faith community offers meals, visits and a caring ear to anyone who asks.',
        services: [
          s(
            'Emergency funds',
            'A small one-time gift for an urgent need, like a prescription or a bill.',
            'Neighbors in {town} in a short-term crisis.',
          ),
          s('Spiritual care', 'Someone to pray with or talk to, of any faith or none.', 'Open to all.'),
        ],
      },
      {
        names: ['{town} Friends Meeting Helpers', '{street} Street Chapel Neighbors'],
        description: 'Our volunteers check in on people who live alone and help with small tasks.',
        services: [
          s(
            'Help with errands',
            'Volunteers help with shopping, pharmacy pickups and small chores.',
            'Older adults and people who are sick.',
          ),
        ],
      },
    ],
    sideServices: [s('Spiritual care', 'Someone to pray with or talk to, of any faith or none.', 'Open to all.')],
  },
  caregiver_support: {
    profiles: [
      {
        names: ['{county} Caregiver Circle', '{county} Family Caregiver Network'],
        description: 'We support family members who care for a loved one at home.',
        services: [
          s(
            'Caregiver classes',
            'Free classes on caring for someone with dementia or a long illness.',
            'Open to all caregivers.',
          ),
          s('Respite care', 'A few hours of care for your loved one so you can rest.', 'Family caregivers in {county} County.'),
        ],
      },
      {
        names: ['{town} Adult Day Center', '{hope} Day Club'],
        description: 'Older adults spend the day with us while their family works or rests.',
        services: [
          s(
            'Adult day program',
            'A safe day out with meals and activities for older adults.',
            'Adults 60 and over, or with memory loss.',
          ),
        ],
      },
      {
        names: ['{hope} Respite Friends', '{town} Memory Cafe'],
        description: 'Trained volunteers sit with your loved one so you can take a break.',
        services: [
          s('Respite care', 'A few hours of care for your loved one so you can rest.', 'Family caregivers in {county} County.'),
        ],
      },
    ],
    sideServices: [s('Caregiver support group', 'Meet other caregivers who understand.', 'Open to all caregivers.')],
  },
  employment: {
    profiles: [
      {
        names: ['{county} Job Bridge', '{town} Workforce Center'],
        description: 'We help people find work, write a resume and get ready for interviews.',
        services: [
          s('Job search help', 'A coach helps you find job openings and apply.', 'Adults looking for work.'),
          s('Interview clothes', 'Free clothes for interviews and the first weeks of work.', 'Anyone with a job interview.'),
        ],
      },
      {
        names: ['{hope} Skills Works', '{county} Trades Academy'],
        description: 'We train adults for jobs in health care, building trades and warehouses.',
        services: [s('Job training', 'Free short courses that lead to a certificate.', 'Adults 18 and over with low income.')],
      },
      {
        names: ['{county} Second Chance Jobs', '{town} Fresh Start Employment'],
        description: 'We help people with a record or a long gap in work get hired.',
        services: [s('Reentry jobs', 'Help getting hired after time in jail or prison.', 'Adults with a criminal record.')],
      },
    ],
    sideServices: [s('Job search help', 'A coach helps you find job openings and apply.', 'Adults looking for work.')],
  },
};
